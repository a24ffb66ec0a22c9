package com.dittofs.operator.contract;

import com.dittofs.operator.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.dittofs.operator.naming.Ports;

/**
 * A user-space NFSv3 client (libnfs-utils: nfs-cp, nfs-cat), running as root (AUTH_SYS uid 0). Ports go in the URL
 * because dfs runs no portmapper by default.
 */
final class NfsClient {

    record Result(int exitCode, String output) {
    }

    private NfsClient() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/nfs-cp"))
                && Files.isExecutable(Path.of("/usr/bin/nfs-cat")),
                "libnfs-utils not installed (apt-get install -y libnfs-utils); skipping the NFS round trip");
    }

    static String url(String share, String file) {
        return "nfs://127.0.0.1/" + share.replaceFirst("^/+", "") + "/" + file + "?version=3&nfsport=" + Ports.NFS_CONTAINER
                + "&mountport=" + Ports.NFS_CONTAINER;
    }

    /** Copies a local file to a new file on the share (nfs-cp creates exclusively). */
    static Result copy(Path local, String share, String file) {
        return run(List.of("nfs-cp", local.toString(), url(share, file)));
    }

    static Result cat(String share, String file) {
        return run(List.of("nfs-cat", url(share, file)));
    }

    private static Result run(List<String> command) {
        Proc.Result result = Proc.run(command, Duration.ofSeconds(60));
        return new Result(result.exit(), result.output());
    }
}
