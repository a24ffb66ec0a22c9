package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The CSV's platform labels and capability level, and the community-operators ci.yaml beside the bundle. */
class OperatorHubConventionsTest {

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    final JsonNode csv = Build.csv(Build.ARTIFACTS.committedBundle());

    @Test
    void csvSaysWhichPlatformsTheImagesAreBuiltFor() {
        JsonNode labels = csv.at("/metadata/labels");
        assertThat(labels.path("operatorframework.io/arch.amd64").asText()).isEqualTo("supported");
        assertThat(labels.path("operatorframework.io/arch.arm64").asText()).isEqualTo("supported");
        assertThat(labels.path("operatorframework.io/os.linux").asText()).isEqualTo("supported");
    }

    @Test
    void capabilityLevelIsSeamlessUpgrades() {
        assertThat(csv.at("/metadata/annotations/capabilities").asText()).isEqualTo("Seamless Upgrades");
    }

    @Test
    void ciYamlUsesReplacesMode() {
        JsonNode ci = Yaml.read(Build.ARTIFACTS.committedBundle().resolve("ci.yaml"));
        assertThat(ci.path("updateGraph").asText()).isEqualTo("replaces-mode");
        assertThat(ci.path("reviewers")).isNotEmpty();
    }
}
