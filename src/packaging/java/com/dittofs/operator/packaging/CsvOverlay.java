package com.dittofs.operator.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * src/main/csv/dittofs-operator.csv.yaml as PackagingArtifacts merges it: {@code ${repository}} in any value becomes
 * {@code packaging.repository}, so the project's address (a placeholder until a maintainer confirms it) is written
 * once.
 */
final class CsvOverlay {

    static final String REPOSITORY_PLACEHOLDER = "${repository}";

    private CsvOverlay() {
    }

    static ObjectNode read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode repository = Yaml.MAPPER.readTree(text).at("/packaging/repository");
        if (text.contains(REPOSITORY_PLACEHOLDER)) {
            if (!repository.isTextual() || repository.asText().isBlank()) {
                throw new IllegalStateException(file + " uses " + REPOSITORY_PLACEHOLDER
                        + " but sets no packaging.repository");
            }
            text = text.replace(REPOSITORY_PLACEHOLDER, repository.asText());
        }
        return (ObjectNode) Yaml.MAPPER.readTree(text);
    }

    /** OLM may replace any earlier version by this one (semver range of the CSV's spec.version). */
    static String skipRange(String version) {
        return "<" + version;
    }
}
