package com.dittofs.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The generated DittoSnapshotRestore CRD: every field described, its columns, defaults and CEL rules. */
@Tag("packaging")
class GeneratedRestoreCrdIT {

    private static JsonNode crd;
    private static JsonNode version;

    @BeforeAll
    static void load() throws IOException {
        crd = new YAMLMapper().readTree(
                Path.of("target/kubernetes/dittosnapshotrestores.dittofs.dittofs.com-v1.yml").toFile());
        version = crd.path("spec").path("versions").get(0);
    }

    private static JsonNode schema() {
        return version.path("schema").path("openAPIV3Schema").path("properties");
    }

    @Test
    void everyPropertyIsDescribed() {
        List<String> undocumented = new ArrayList<>();
        walk("spec", schema().path("spec"), undocumented);
        walk("status", schema().path("status"), undocumented);
        assertThat(undocumented).isEmpty();
    }

    private static void walk(String path, JsonNode schema, List<String> undocumented) {
        var fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().hasNonNull("description")) {
                undocumented.add(path + "." + field.getKey());
            }
            if (!field.getKey().equals("conditions")) {
                walk(path + "." + field.getKey(), field.getValue(), undocumented);
            }
        }
    }

    @Test
    void namespacedWithAStatusAndTheColumnsOfARestore() {
        assertThat(crd.path("spec").path("scope").asText()).isEqualTo("Namespaced");
        assertThat(crd.path("spec").path("names").path("kind").asText()).isEqualTo("DittoSnapshotRestore");
        assertThat(version.path("subresources").has("status")).isTrue();
        List<String> columns = new ArrayList<>();
        version.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText()));
        assertThat(columns).containsExactly("Server", "Share", "Snapshot", "Phase", "Age");
    }

    @Test
    void exactlyOneSnapshotAnImmutableSpecAndSafeDefaults() {
        JsonNode spec = schema().path("spec");
        assertThat(spec.path("x-kubernetes-validations").get(0).path("rule").asText()).isEqualTo("self == oldSelf");
        assertThat(spec.path("properties").path("snapshot").path("x-kubernetes-validations").get(0).path("rule")
                .asText()).isEqualTo("has(self.id) != has(self.dittoSnapshotName)");
        assertThat(spec.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("server", "share", "snapshot");
        assertThat(spec.path("properties").path("allowNonDurable").path("default").asBoolean(true)).isFalse();
        assertThat(spec.path("properties").path("acknowledgeAllShares").path("default").asBoolean(true)).isFalse();
    }
}
