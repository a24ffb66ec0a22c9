package com.dittofs.operator.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.dittofs.operator.testing.Proc;

/**
 * The dfs binary under test: {@code -Ddfs.binary} or {@code DFS_BINARY} if set, else the one hack/tools.sh builds
 * (from the pinned Go module) and caches.
 */
final class DfsBinary {

    private static Path path;

    private DfsBinary() {
    }

    static synchronized Path path() {
        if (path == null) {
            String configured = System.getProperty("dfs.binary", System.getenv("DFS_BINARY"));
            path = configured != null && !configured.isBlank() ? Path.of(configured) : fromTools();
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("dfs binary " + path + " is not executable");
            }
        }
        return path;
    }

    private static Path fromTools() {
        // a cache hit returns at once; a cold build takes a few minutes
        run(List.of("bash", "hack/tools.sh", "ensure", "dfs"), 900);
        return Path.of(run(List.of("bash", "hack/tools.sh", "path", "dfs"), 30).strip());
    }

    private static String run(List<String> command, long timeoutSeconds) {
        Proc.Result result = Proc.run(command, Duration.ofSeconds(timeoutSeconds));
        if (!result.ok()) {
            throw new IllegalStateException(result.describe());
        }
        return result.out();
    }
}
