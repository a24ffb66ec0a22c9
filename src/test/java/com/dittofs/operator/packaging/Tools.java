package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The pinned CLI tools, built from source by hack/tools.sh into ~/.cache/dittofs-operator (the first build of helm
 * takes a few minutes; later runs find it cached).
 */
public final class Tools {

    private Tools() {
    }

    /** Builds the tool if needed and returns its absolute path. */
    public static synchronized Path ensure(String tool) {
        Proc.run(List.of("bash", "hack/tools.sh", "ensure", tool), Duration.ofMinutes(20)).orFail();
        return Path.of(Proc.run(List.of("bash", "hack/tools.sh", "path", tool), Duration.ofMinutes(1)).orFail()
                .strip());
    }
}
