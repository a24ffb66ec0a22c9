package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dittofs.operator.testing.Proc;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chart's NOTES.txt (what `helm install` prints): helm-unittest's suites (helm/dittofs-operator/unittests) check
 * what it says; here, pasted into bash, its commands run as printed (each heredoc ends), which needs the text itself:
 * helm template does not render NOTES.txt, so a copy of the chart renders it into a YAML string.
 */
class ChartNotesTest extends WithHelm {

    static final String RELEASE = "files";
    static final String NS = "team-a";

    @Test
    void helmUnittestSuitesPass() {
        // helm/dittofs-operator/unittests/*_test.yaml: the notes name the release's Deployment, and `helm test` only
        // when the test pod renders (helm-unittest renders NOTES.txt, which helm template does not)
        Proc.Result r = Proc.run(List.of(Tools.ensure("helm-unittest").toString(), "-f", "unittests/*_test.yaml",
                Helm.CHART.toString()), Duration.ofMinutes(2));
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.out()).contains("Test Suites:").doesNotContain("FAIL");
    }

    @Test
    void printedCommandsRunAsPastedIntoBash(@TempDir Path copy) throws IOException {
        for (String[] values : List.of(new String[] {}, new String[] {"--set", "watch.mode=release"},
                new String[] {"--set", "watch.mode=namespaces", "--set", "watch.namespaces={team-b,team-c}"})) {
            Path dir = Files.createTempDirectory(copy, "run");
            String commands = commands(renderNotes(Files.createTempDirectory(copy, "chart"), values));
            // bash -n only warns (exit 0) about a heredoc that runs to the end of the input: no output at all
            Proc.Result syntax = Proc.run(List.of("bash", "-n", "-c", commands), Map.of(), null, Duration.ofSeconds(30));
            assertThat(syntax.output()).as(List.of(values) + " " + syntax.describe()).isEmpty();
            // kubectl and helm recorded instead of run: each command, and what kubectl apply read from its stdin
            String stubs = """
                    kubectl() { echo "kubectl $*" >> calls; if [[ " $* " == *" -f - "* ]]; then cat > applied.yaml; fi; }
                    helm() { echo "helm $*" >> calls; }
                    """;
            Proc.Result run = Proc.run(List.of("bash", "-euo", "pipefail", "-c", stubs + commands), dir, Map.of(),
                    null, Duration.ofSeconds(30));
            assertThat(run.output()).as(run.describe()).isEmpty();
            String ns = values.length == 0 ? "" : values[1].endsWith("release") ? "-n " + NS + " " : "-n team-b ";
            assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly(
                    "kubectl -n " + NS + " rollout status deployment/" + RELEASE + "-dittofs-operator",
                    "helm test " + RELEASE + " -n " + NS,
                    "kubectl " + ns + "apply -f -",
                    "kubectl " + ns + "get dittoservers -w");
            List<JsonNode> applied = Yaml.readAll(dir.resolve("applied.yaml"));
            assertThat(applied).singleElement().satisfies(d -> {
                assertThat(d.path("kind").asText()).isEqualTo("DittoServer");
                assertThat(d.at("/metadata/name").asText()).isEqualTo("my-dittofs");
            });
        }
    }

    /** The command lines of the notes: every paragraph after a line that ends with a colon, as printed. */
    static String commands(String notes) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : notes.split("\\n\\s*\\n")) {
            int eol = paragraph.indexOf('\n');
            if (eol > 0 && paragraph.substring(0, eol).endsWith(":")) {
                out.append(paragraph.substring(eol + 1)).append('\n');
            }
        }
        assertThat(out).as("the notes print commands").isNotEmpty();
        return out.toString();
    }

    static String renderNotes(Path copy, String... args) throws IOException {
        Path chart = copy.resolve(Helm.CHART.getFileName().toString());
        try (Stream<Path> files = Files.walk(Helm.CHART)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = chart.resolve(Helm.CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        String notes = Files.readString(Helm.CHART.resolve("templates/NOTES.txt"));
        Files.writeString(chart.resolve("templates/notes-as-yaml.yaml"), "{{- define \"test.notes\" }}" + notes
                + "{{- end }}\nnotes: {{ include \"test.notes\" . | toJson }}\n");
        List<String> command = new ArrayList<>(List.of("template", RELEASE,
                chart.toString(), "--namespace", NS, "--show-only", "templates/notes-as-yaml.yaml"));
        command.addAll(List.of(args));
        return Yaml.readAll(helm.run(command).orFail()).get(0).path("notes").asText();
    }
}
