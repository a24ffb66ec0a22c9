package com.dittofs.operator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** The YAML blocks of a guide under docs/ that a marker comment says a test applies, so the guide stays true. */
final class GuideBlocks {

    private GuideBlocks() {
    }

    /** The objects of the fenced yaml block right after the line {@code <!-- <marker> -->}. */
    static List<HasMetadata> objects(String guide, String marker) {
        try {
            String text = Files.readString(Path.of("docs", guide));
            int at = text.indexOf("<!-- " + marker + " -->");
            if (at < 0) {
                throw new IllegalStateException(guide + " has no block marked " + marker);
            }
            int start = text.indexOf("```yaml\n", at) + "```yaml\n".length();
            return Fixtures.objects(text.substring(start, text.indexOf("```", start)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
