package com.dittofs.operator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.dittofs.operator.naming.Ports;

/**
 * Samba's smbclient (Debian smbclient) against the dfs on 127.0.0.1, logging in as a dfs user with SMB3. The password
 * goes through the PASSWD variable, not the command line.
 */
final class SmbClient {

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0 && !output.contains("NT_STATUS_");
        }
    }

    private SmbClient() {
    }

    /** Runs smbclient commands (e.g. {@code put local remote; get remote local}) in {@code dir}. */
    static Result run(String share, String user, String password, Path dir, String commands) {
        List<String> command = List.of("smbclient", "//127.0.0.1/" + share.replaceFirst("^/+", ""),
                "-p", String.valueOf(Ports.SMB_CONTAINER), "-U", user, "-m", "SMB3", "-c", commands);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("PASSWD", password);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("smbclient timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
