package com.dittofs.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way tests run a command to completion: with a deadline that always fires (output goes through files, so
 * nothing can block on a full pipe before the wait), the process tree killed on timeout.
 */
public final class Proc {

    public record Result(List<String> command, int exit, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }

        /** stdout, or an AssertionError showing the command and both streams. */
        public String orFail() {
            if (!ok()) {
                throw new AssertionError(describe());
            }
            return out;
        }

        /** stdout followed by stderr, for logs and messages. */
        public String output() {
            return err.isEmpty() ? out : out + err;
        }

        public String describe() {
            return String.join(" ", command) + " exited " + exit + "\n--- stdout:\n" + tail(out) + "\n--- stderr:\n"
                    + tail(err);
        }

        private static String tail(String s) {
            return s.length() > 6000 ? "..." + s.substring(s.length() - 6000) : s;
        }
    }

    private Proc() {
    }

    public static Result run(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        return run(command, null, env, stdin, timeout);
    }

    /** {@code directory}: the working directory, or null for the current one. */
    public static Result run(List<String> command, Path directory, Map<String, String> env, String stdin,
            Duration timeout) {
        try {
            Path out = Files.createTempFile("proc-", ".out");
            Path err = Files.createTempFile("proc-", ".err");
            Path in = Files.createTempFile("proc-", ".in");
            try {
                Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
                var pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(in.toFile());
                if (directory != null) {
                    pb.directory(directory.toFile());
                }
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                            + "\n--- stderr:\n" + Files.readString(err));
                }
                return new Result(command, p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(List<String> command, Duration timeout) {
        return run(command, Map.of(), null, timeout);
    }
}
