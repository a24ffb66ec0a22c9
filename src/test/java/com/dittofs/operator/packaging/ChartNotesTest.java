package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's NOTES.txt (what `helm install` prints): its commands name the release's real Deployment, and it tells
 * how to run `helm test` when the test pod is rendered. helm template does not render NOTES.txt, so a copy of the
 * chart renders it into a YAML string.
 */
class ChartNotesTest extends WithHelm {

    static final String RELEASE = "files";
    static final String NS = "team-a";

    @Test
    void notesNameTheDeploymentAndHelmTest(@TempDir Path copy) throws IOException {
        String notes = renderNotes(copy);
        String deployment = Rbac.only(helm.render(RELEASE, NS), "Deployment", RELEASE + "-dittofs-operator")
                .at("/metadata/name").asText();
        assertThat(notes).contains("kubectl -n " + NS + " rollout status deployment/" + deployment)
                .contains("helm test " + RELEASE + " -n " + NS);
    }

    @Test
    void noHelmTestWithoutTheTestPod(@TempDir Path copy) throws IOException {
        assertThat(renderNotes(copy, "--set", "tests.enabled=false")).contains("rollout status")
                .doesNotContain("helm test");
    }

    private static String renderNotes(Path copy, String... args) throws IOException {
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
