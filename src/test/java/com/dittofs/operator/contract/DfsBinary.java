package com.dittofs.operator.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        try {
            Path log = Files.createTempFile("dfs-tools", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n"
                        + Files.readString(log));
            }
            Files.deleteIfExists(log);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
