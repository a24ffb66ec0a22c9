package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The GitHub workflows lint clean (actionlint, with shellcheck when installed), and everything they reference
 * exists: repository files, Maven profiles and properties, the committed artefacts the sync job compares.
 */
class WorkflowsTest {

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    static final Path WORKFLOWS = Build.BASE.resolve(".github/workflows");
    /** Repository paths as they appear in run scripts and action inputs. */
    static final Pattern PATH = Pattern.compile(
            "(?<![\\w./-])((?:\\.ci|hack|src/main/docker|bundle|deploy|helm)(?:/[\\w.-]+)*)");

    @Test
    void actionlint() throws IOException {
        List<String> command = new ArrayList<>(List.of(Tools.ensure("actionlint").toString(), "-no-color"));
        workflows().forEach(f -> command.add(f.toString()));
        Proc.run(command, Duration.ofMinutes(2)).orFail();
    }

    @Test
    void expectedWorkflowsExist() {
        assertThat(WORKFLOWS.resolve("ci.yml")).exists();
        assertThat(WORKFLOWS.resolve("native.yml")).exists();
        assertThat(WORKFLOWS.resolve("release.yml")).exists();
        String ci = read("ci.yml");
        assertThat(ci).contains("bash .ci/run", "-Dpackaging.sync=true", "git diff --exit-code");
        assertThat(read("native.yml")).contains("verify -Pnative");
    }

    @Test
    void referencedFilesExist() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : workflows()) {
            for (String text : strings(Yaml.read(file))) {
                Matcher m = PATH.matcher(text);
                while (m.find()) {
                    String path = m.group(1).replaceAll("[.,:;]+$", "");
                    if (path.contains("*") || path.endsWith("/logs")) {
                        continue;
                    }
                    if (!Files.exists(Build.BASE.resolve(path))) {
                        missing.add(Build.BASE.relativize(file) + ": " + path);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Build.BASE.resolve("mvnw")).isExecutable();
    }

    @Test
    void referencedMavenProfilesExist() throws IOException {
        String pom = Files.readString(Build.BASE.resolve("pom.xml"));
        for (Path file : workflows()) {
            Matcher m = Pattern.compile("-P(\\w+)").matcher(Files.readString(file));
            while (m.find()) {
                assertThat(pom).as(file.getFileName() + " uses profile " + m.group(1))
                        .contains("<id>" + m.group(1) + "</id>");
            }
        }
        assertThat(pom).contains("<packaging.sync>");
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static String read(String name) {
        try {
            return Files.readString(WORKFLOWS.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every string value in the workflow (run scripts, action inputs). */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> out.addAll(strings(child)));
        return out;
    }
}
