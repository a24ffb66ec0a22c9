package com.dittofs.operator.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.dittofs.operator.testing.Proc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell scripts (hack/, bench/, .ci/run) pass shellcheck. CI installs it (.ci/run), so there it is required;
 * elsewhere the check is skipped when shellcheck is not installed.
 */
class ShellScriptsTest {

    /** A reader that stops early ({@code grep -q}) makes its writer die of SIGPIPE: under pipefail, a match reads as none. */
    private static final Pattern EARLY_EXIT_READER = Pattern.compile("\\|\\s*grep\\s+-[A-Za-z]*q");

    @Test
    void shellcheckFindsNothing() throws IOException {
        boolean installed = Proc.run(List.of("sh", "-c", "command -v shellcheck"), Duration.ofSeconds(10)).ok();
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "shellcheck not installed (apt-get install shellcheck)");
        }
        List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc"));
        command.addAll(scripts().stream().map(Path::toString).toList());
        Proc.run(command, Duration.ofMinutes(2)).orFail();
    }

    @Test
    void noPipelineEndsInAReaderThatStopsEarly() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path script : scripts()) {
            List<String> lines = Files.readAllLines(script); // sourced files (hack/node/node.sh) run under pipefail too
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceFirst("^\\s*#.*", "");
                if (EARLY_EXIT_READER.matcher(code).find()) {
                    offending.add(script + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(offending).as("use `| grep ... >/dev/null` (reads all its input) instead of `| grep -q`").isEmpty();
    }

    private static List<Path> scripts() throws IOException {
        List<Path> scripts = new ArrayList<>(List.of(Path.of(".ci/run")));
        for (String dir : List.of("hack", "bench")) {
            try (Stream<Path> files = Files.walk(Path.of(dir), 2)) { // hack/node/*.sh too
                files.filter(f -> f.toString().endsWith(".sh")).sorted().forEach(scripts::add);
            }
        }
        return scripts;
    }
}
