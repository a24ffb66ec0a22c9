package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The package phase writes the CycloneDX SBOM the release attests (cyclonedx-maven-plugin, pom.xml): it describes
 * this operator and names its main runtime dependencies at the versions the build resolved, and no test library.
 */
class SbomTest {

    static final Path SBOM = Build.TARGET.resolve("dittofs-operator-sbom.cdx.json");

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    static String pomProperty(String name) {
        try {
            Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)<")
                    .matcher(Files.readString(Build.BASE.resolve("pom.xml")));
            assertThat(m.find()).as("pom.xml property " + name).isTrue();
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSbomNamesTheOperatorAndItsMainDependencies() {
        assertThat(SBOM).as("written by cyclonedx:makeBom in the package phase").exists();
        JsonNode bom = Yaml.read(SBOM);
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).matches("1\\.[5-9]");
        JsonNode self = bom.at("/metadata/component");
        assertThat(self.path("group").asText() + ":" + self.path("name").asText())
                .isEqualTo("com.dittofs:dittofs-operator");
        assertThat(self.path("version").asText()).isEqualTo(Build.projectVersion());

        Map<String, String> versions = new TreeMap<>();
        bom.path("components").forEach(c -> versions.put(c.path("group").asText() + ":" + c.path("name").asText(),
                c.path("version").asText()));
        assertThat(versions).containsKeys("io.quarkus:quarkus-core", "io.quarkiverse.operatorsdk:quarkus-operator-sdk",
                "io.javaoperatorsdk:operator-framework-core", "io.quarkus:quarkus-micrometer-registry-prometheus",
                "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml", "org.bouncycastle:bcpkix-jdk18on");
        // the versions the build ran with (pom.xml's properties)
        assertThat(versions).containsEntry("io.fabric8:kubernetes-client", pomProperty("fabric8.version"))
                .containsEntry("io.quarkus:quarkus-core", pomProperty("quarkus.platform.version"));
        assertThat(versions.keySet()).as("test libraries are not shipped")
                .noneMatch(k -> k.startsWith("org.assertj:") || k.startsWith("org.junit")
                        || k.startsWith("org.awaitility:") || k.startsWith("com.tngtech.archunit:"));
    }
}
