package com.dittofs.operator.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The field list of {@code docs/CRD_REFERENCE.md}, generated from the built CRD: every field of {@code spec} and
 * {@code status} with its type, default, validation and description, between two markers of the document. The prose
 * around it is written by hand; this part cannot drift from the schema ({@code CrdReferenceDocTest}).
 */
final class CrdReferenceDoc {

    /** Fields of embedded Kubernetes types, not spelled out: {@code kubectl explain} has them. */
    private static final Set<String> KUBERNETES_TYPES = Set.of("affinity", "tolerations", "resources",
            "securityContext", "podSecurityContext", "fileClients", "apiClients", "metricsClients");

    private CrdReferenceDoc() {
    }

    /** The opening marker of a kind's field list (the primary's, which came first, names no kind). */
    static String begin(OwnedKind kind) {
        String name = kind.referenceMarker().isEmpty() ? "" : " " + kind.referenceMarker();
        return "<!-- BEGIN GENERATED" + name + ": every field, from the CRD (mvn package -DskipTests"
                + " -Dpackaging.sync=true) -->";
    }

    static String end(OwnedKind kind) {
        String name = kind.referenceMarker().isEmpty() ? "" : " " + kind.referenceMarker();
        return "<!-- END GENERATED" + name + " -->";
    }

    /** The kind's generated field list, markers included. */
    static String section(Path crd, OwnedKind kind) {
        JsonNode schema = Yaml.read(crd).at("/spec/versions/0/schema/openAPIV3Schema/properties");
        List<String> rows = new ArrayList<>();
        rows(schema.path("spec"), "spec", false, rows);
        rows(schema.path("status"), "status", false, rows);
        return begin(kind) + "\n\n| Field | Type | Default | Validation | Description |\n| --- | --- | --- | --- | --- |\n"
                + String.join("\n", rows) + "\n\n" + end(kind);
    }

    /** {@code doc} with the kind's generated section replaced by {@code section}. */
    static String withSection(String doc, OwnedKind kind, String section) {
        int begin = doc.indexOf(begin(kind));
        int end = doc.indexOf(end(kind), Math.max(begin, 0));
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("docs/CRD_REFERENCE.md lacks the markers " + begin(kind) + " … "
                    + end(kind));
        }
        return doc.substring(0, begin) + section + doc.substring(end + end(kind).length());
    }

    /** The kind's generated section as the document has it now. */
    static String currentSection(String doc, OwnedKind kind) {
        int begin = doc.indexOf(begin(kind));
        int end = doc.indexOf(end(kind), Math.max(begin, 0));
        return begin < 0 || end < begin ? "" : doc.substring(begin, end + end(kind).length());
    }

    static void sync(Path crd, Path doc, OwnedKind kind) throws IOException {
        Files.writeString(doc, withSection(Files.readString(doc), kind, section(crd, kind)));
    }

    private static void rows(JsonNode node, String path, boolean required, List<String> rows) {
        if (!path.equals("spec") && !path.equals("status")) {
            rows.add(row(node, path, required));
        }
        JsonNode items = node.path("items");
        JsonNode object = "array".equals(node.path("type").asText()) ? items : node;
        if (!object.has("properties") || KUBERNETES_TYPES.contains(path.substring(path.lastIndexOf('.') + 1))) {
            return;
        }
        String prefix = object == items ? path + "[]" : path;
        List<String> requiredNames = new ArrayList<>();
        object.path("required").forEach(r -> requiredNames.add(r.asText()));
        for (Map.Entry<String, JsonNode> field : object.path("properties").properties()) {
            rows(field.getValue(), prefix + "." + field.getKey(), requiredNames.contains(field.getKey()), rows);
        }
    }

    private static String row(JsonNode node, String path, boolean required) {
        String type = node.path("type").asText("");
        if ("array".equals(type)) {
            type = "array of " + node.at("/items/type").asText("object");
        } else if ("object".equals(type) && node.has("additionalProperties")) {
            type = "map of " + node.at("/additionalProperties/type").asText("object");
        } else if (node.path("x-kubernetes-int-or-string").asBoolean()) {
            type = "integer or string";
        }
        String defaultValue = node.has("default") ? "`" + node.get("default").toString() + "`" : "";
        return "| `" + path + "` | " + type + " | " + cell(defaultValue) + " | " + cell(validation(node, required))
                + " | " + cell(node.path("description").asText("")) + " |";
    }

    private static String validation(JsonNode node, boolean required) {
        List<String> rules = new ArrayList<>();
        if (required) {
            rules.add("required");
        }
        if (node.has("enum")) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> values.add(v.asText()));
            rules.add("one of " + String.join(", ", values));
        }
        add(rules, node, "minimum", "≥ ");
        add(rules, node, "maximum", "≤ ");
        add(rules, node, "minLength", "length ≥ ");
        add(rules, node, "maxLength", "length ≤ ");
        add(rules, node, "minItems", "items ≥ ");
        add(rules, node, "maxItems", "items ≤ ");
        if (node.has("pattern")) {
            rules.add("pattern `" + node.get("pattern").asText() + "`");
        }
        node.path("x-kubernetes-validations").forEach(rule -> rules.add(rule.path("message").asText()));
        return String.join("; ", rules);
    }

    private static void add(List<String> rules, JsonNode node, String key, String prefix) {
        if (node.has(key)) {
            rules.add(prefix + number(node.get(key)));
        }
    }

    /** A bound as people write it: the generator writes 1024.0 for an integer's minimum of 1024. */
    static String number(JsonNode value) {
        if (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())) {
            return Long.toString(value.longValue());
        }
        return value.asText();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").strip();
    }
}
