package com.dittofs.operator.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.dittofs.operator.testing.Proc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shell scripts (hack/, bench/, .ci/run) pass shellcheck. CI installs it (.ci/run), so there it is required;
 * elsewhere the check is skipped when shellcheck is not installed.
 */
class ShellScriptsTest {

    @Test
    void shellcheckFindsNothing() throws IOException {
        boolean installed = Proc.run(List.of("sh", "-c", "command -v shellcheck"), Duration.ofSeconds(10)).ok();
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "shellcheck not installed (apt-get install shellcheck)");
        }
        List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc"));
        command.add(".ci/run");
        for (String dir : List.of("hack", "bench")) {
            try (Stream<Path> files = Files.walk(Path.of(dir), 2)) { // hack/node/*.sh too
                files.filter(f -> f.toString().endsWith(".sh")).sorted().forEach(f -> command.add(f.toString()));
            }
        }
        Proc.run(command, Duration.ofMinutes(2)).orFail();
    }
}
