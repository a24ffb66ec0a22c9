package com.dittofs.operator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.testing.Proc;

/**
 * The scripts of src/test/resources/identity that start what the identity ITs log in against (slapd, an MIT KDC, a
 * Samba domain controller) as plain processes, each under a work directory of the IT.
 */
final class IdentityScripts {

    private IdentityScripts() {
    }

    /** A fresh work directory for an IT's directory, KDC or domain controller and the files its tests write. */
    static Path workDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script with bash and returns what it printed (a PID, for the ones that start a server). */
    static String run(String script, Duration deadline, String... args) {
        List<String> command = new ArrayList<>(List.of("bash",
                Path.of("src/test/resources/identity", script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return Proc.run(command, Map.of(), null, deadline).orFail().strip();
    }

    /** Ends a process a script started, if it did; a process already gone is no failure. */
    static void kill(String pid) {
        if (pid != null) {
            Proc.run(List.of("kill", pid), Map.of(), null, Duration.ofSeconds(10));
        }
    }
}
