package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CHANGELOG.md (Keep a Changelog) has a section for the chart's version, Unreleased while it is a -SNAPSHOT, and its
 * entries are the chart's artifacthub.io/changes, kind for kind.
 */
class ChangelogTest {

    @Test
    void chartChangesAreTheChangelogSectionOfItsVersion() throws Exception {
        String version = ArtifactHubTest.CHART.path("version").asText();
        String heading = version.endsWith("-SNAPSHOT") ? "## [Unreleased]" : "## [" + version + "]";
        List<String> lines = Files.readAllLines(Build.BASE.resolve("CHANGELOG.md"));
        assertThat(lines.get(0)).isEqualTo("# Changelog");
        assertThat(lines).as("CHANGELOG.md has a section %s", heading)
                .anySatisfy(l -> assertThat(l).startsWith(heading));

        List<String> entries = new ArrayList<>();
        boolean inSection = false;
        String kind = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith(heading);
            } else if (inSection && line.startsWith("### ")) {
                kind = line.substring(4).trim().toLowerCase(Locale.ROOT);
            } else if (inSection && line.startsWith("- ")) {
                entries.add(kind + ": " + line.substring(2).trim());
            }
        }
        assertThat(entries).isNotEmpty();
        List<String> changes = new ArrayList<>();
        for (JsonNode change : ArtifactHubTest.annotation("changes")) {
            changes.add(change.path("kind").asText() + ": " + change.path("description").asText());
        }
        assertThat(changes).containsExactlyElementsOf(entries);
    }
}
