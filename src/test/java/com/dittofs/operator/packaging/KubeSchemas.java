package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kubeconform's schemas, made here: kubeconform downloads them from GitHub, which CI cannot reach. The built-in
 * kinds come from the OpenAPI that kube-apiserver serves (the swagger.json Kubernetes commits beside its source,
 * {@code hack/tools.sh openapi}), our CRDs from their openAPIV3Schema, in the layout kubeconform's
 * {@code -schema-location} templates expect, converted as kubeconform's own openapi2jsonschema does: strict (no
 * unknown field), null allowed where Kubernetes treats it as absent, int-or-string and quantities as either.
 */
final class KubeSchemas {

    static final Path ROOT = Build.TARGET.resolve("kube-schemas");
    /** Built-in kinds: {@code <dir>/deployment-apps-v1.json}, referring to {@code _definitions.json}. */
    static final String BUILTIN = "{{ .ResourceKind }}{{ .KindSuffix }}.json";
    /** CRDs: {@code <dir>/dittofs.dittofs.com/dittoserver_v1.json}. */
    static final String CRD = "{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json";

    private KubeSchemas() {
    }

    /** The oldest and the newest supported Kubernetes releases (hack/tools.sh K8S_OLDEST_VERSION, K8S_VERSION). */
    static List<String> supportedVersions() {
        return List.of(Proc.run(List.of("bash", "hack/tools.sh", "k8s-versions"), Duration.ofMinutes(1)).orFail()
                .strip().split(" "));
    }

    static String oldest() {
        return supportedVersions().get(0);
    }

    static String newest() {
        return supportedVersions().get(1);
    }

    /** The schema directory of one Kubernetes release (v1.34.4), written once per build. */
    static synchronized Path builtin(String version) {
        Path dir = ROOT.resolve(version);
        if (Files.isRegularFile(dir.resolve("_definitions.json"))) {
            return dir;
        }
        Path swagger = Path.of(Proc.run(List.of("bash", "hack/tools.sh", "openapi"), null,
                Map.of("KUBE_VERSION", version), null, Duration.ofMinutes(10)).orFail().strip());
        try {
            JsonNode spec = Yaml.JSON.readTree(swagger.toFile());
            ObjectNode definitions = (ObjectNode) spec.path("definitions");
            Files.createDirectories(dir);
            definitions.properties().forEach(e -> loosen(e.getValue()));
            definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", either("string", "integer"));
            definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity", either("string", "number"));
            for (var e : definitions.properties()) {
                for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                    String group = gvk.path("group").asText();
                    String suffix = (group.isEmpty() ? "" : "-" + group.split("\\.")[0]) + "-"
                            + gvk.path("version").asText();
                    ObjectNode kind = Yaml.JSON.createObjectNode()
                            .put("$ref", "_definitions.json#/definitions/" + e.getKey());
                    write(dir.resolve(gvk.path("kind").asText().toLowerCase() + suffix + ".json"), kind);
                }
            }
            write(dir.resolve("_definitions.json"), Yaml.JSON.createObjectNode().set("definitions", definitions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A schema directory for CRDs, one file per served version (CRD layout, see {@link #CRD}). */
    static Path crds(Path dir, List<JsonNode> crds) {
        for (JsonNode crd : crds) {
            String group = crd.at("/spec/group").asText();
            String kind = crd.at("/spec/names/kind").asText().toLowerCase();
            for (JsonNode version : crd.at("/spec/versions")) {
                ObjectNode schema = version.at("/schema/openAPIV3Schema").deepCopy();
                ObjectNode props = schema.with("properties");
                props.set("apiVersion", Yaml.JSON.createObjectNode().put("type", "string"));
                props.set("kind", Yaml.JSON.createObjectNode().put("type", "string"));
                props.set("metadata", Yaml.JSON.createObjectNode().put("type", "object"));
                loosen(schema);
                write(dir.resolve(group).resolve(kind + "_" + version.path("name").asText() + ".json"), schema);
            }
        }
        return dir;
    }

    /** openapi2jsonschema --strict --kubernetes, in place, for this schema and every one nested in it. */
    private static void loosen(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        schema.path("properties").forEach(KubeSchemas::loosen);
        for (String nested : List.of("items", "additionalProperties", "not")) {
            loosen(schema.path(nested));
        }
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(list).forEach(KubeSchemas::loosen);
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            schema.remove("type");
            schema.set("oneOf", either("string", "integer").get("oneOf"));
        }
        if (schema.has("properties") && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            schema.put("additionalProperties", false);
        }
        if (schema.path("type").isTextual()) {
            String type = schema.path("type").asText();
            schema.putArray("type").add(type).add("null");
        }
        if (schema.path("format").isTextual() && !"date-time".equals(schema.path("format").asText())) {
            schema.remove("format"); // int32, int-or-string, byte...: formats kubeconform's validator does not know
        }
    }

    private static ObjectNode either(String a, String b) {
        ObjectNode node = Yaml.JSON.createObjectNode();
        node.putArray("oneOf").add(Yaml.JSON.createObjectNode().put("type", a))
                .add(Yaml.JSON.createObjectNode().put("type", b));
        return node;
    }

    private static void write(Path file, JsonNode node) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Yaml.JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
