package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.dittofs.operator.testing.Proc;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The release a chart upgrades from: the newest {@code v*} tag older than the chart's version, and whether a packaged
 * chart (ChartLifecycleIT's previous chart) is that tag's chart.
 */
final class PreviousRelease {

    static final String CHART_DIR = "helm/" + PackagingArtifacts.PACKAGE;

    private PreviousRelease() {
    }

    /** The newest tag vX.Y.Z[-pre] of {@code tags} that sorts before {@code version}. */
    static Optional<String> before(String version, List<String> tags) {
        return tags.stream().filter(t -> t.matches("v\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"))
                .filter(t -> ChartLintTest.compareVersions(t.substring(1), version) < 0)
                .max((a, b) -> ChartLintTest.compareVersions(a.substring(1), b.substring(1)));
    }

    static List<String> tags(Path repo) {
        return git(repo, "tag", "--list", "v*").lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Asserts that the packaged chart {@code tgz} is the chart committed at {@code tag} in {@code repo}: the tag's
     * version, every template of the tag, and each packaged file as the tag has it (Chart.yaml, which helm package
     * rewrites, compared by name and version).
     */
    static void assertPackagedChartIs(Path repo, String tag, Path tgz, Path workDir) throws IOException {
        Proc.run(List.of("tar", "-xzf", tgz.toString(), "-C", workDir.toString()), Duration.ofMinutes(1)).orFail();
        Path chart = workDir.resolve(PackagingArtifacts.PACKAGE);
        JsonNode chartYaml = Yaml.read(chart.resolve("Chart.yaml"));
        assertThat(chartYaml.path("version").asText()).as(tgz.getFileName() + " version vs tag " + tag)
                .isEqualTo(tag.substring(1));
        assertThat(chartYaml.path("name").asText()).isEqualTo(PackagingArtifacts.PACKAGE);

        List<String> packaged = new ArrayList<>();
        try (Stream<Path> files = Files.walk(chart)) {
            files.filter(Files::isRegularFile).map(f -> chart.relativize(f).toString()).sorted().forEach(packaged::add);
        }
        List<String> templates = git(repo, "ls-tree", "-r", "--name-only", tag, "--", CHART_DIR + "/templates/")
                .lines().map(l -> l.substring(CHART_DIR.length() + 1)).toList();
        assertThat(packaged).as("templates of %s at %s", tgz.getFileName(), tag).containsAll(templates);
        for (String file : packaged) {
            if (file.equals("Chart.yaml")) {
                continue;
            }
            assertThat(Files.readString(chart.resolve(file))).as("%s in %s vs %s at %s", file, tgz.getFileName(),
                    CHART_DIR, tag).isEqualTo(git(repo, "show", tag + ":" + CHART_DIR + "/" + file));
        }
    }

    static String git(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        return Proc.run(command, Duration.ofMinutes(1)).orFail();
    }
}
