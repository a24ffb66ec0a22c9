package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** What Artifact Hub reads of the chart: its annotations and the repository's artifacthub-repo.yml. */
class ArtifactHubTest {

    static final JsonNode CHART = Yaml.read(Helm.CHART.resolve("Chart.yaml"));

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    static JsonNode annotation(String name) throws Exception {
        return Yaml.MAPPER.readTree(CHART.at("/annotations/artifacthub.io~1" + name).asText());
    }

    @Test
    void imagesListTheDefaultFileServerImageOfTheCrd() throws Exception {
        String crdDefault = Yaml.read(Build.generatedCrd())
                .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/image/default").asText();
        assertThat(crdDefault).isNotBlank();
        List<String> images = new ArrayList<>();
        annotation("images").forEach(i -> images.add(i.path("image").asText()));
        assertThat(images).contains(crdDefault);
    }

    @Test
    void crdsExamplesAreTheBasicSample() throws Exception {
        JsonNode sample = Yaml.read(Build.BASE.resolve("docs/samples/dittofs_v1alpha1_dittoserver.yaml"));
        assertThat(annotation("crdsExamples")).hasSize(1);
        assertThat(annotation("crdsExamples").get(0)).isEqualTo(sample);
        assertThat(annotation("crds").get(0).path("kind").asText()).isEqualTo(sample.path("kind").asText());
    }

    @Test
    void categoryAndPrerelease() {
        assertThat(CHART.at("/annotations/artifacthub.io~1category").asText()).isEqualTo("storage");
        String version = CHART.path("version").asText();
        boolean prerelease = version.startsWith("0.") || version.contains("-");
        assertThat(CHART.at("/annotations/artifacthub.io~1prerelease").asText())
                .as("prerelease of version %s", version).isEqualTo(String.valueOf(prerelease));
    }

    @Test
    void capabilitiesAreTheBundles() {
        assertThat(CHART.at("/annotations/artifacthub.io~1operatorCapabilities").asText())
                .isEqualTo(Build.csv(Build.ARTIFACTS.committedBundle()).at("/metadata/annotations/capabilities")
                        .asText());
    }

    @Test
    void repositoryMetadataHasNoIdOrARealOne() {
        // optional until Artifact Hub assigns one (hack/check-release-inputs.sh refuses the zero UUID)
        JsonNode repo = Yaml.read(Build.BASE.resolve("helm/artifacthub-repo.yml"));
        assertThat(repo.path("repositoryID").asText("00000000-0000-0000-0000-000000000001"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isNotEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(repo.path("owners")).isNotEmpty()
                .allSatisfy(o -> assertThat(o.path("email").asText()).contains("@"));
    }
}
