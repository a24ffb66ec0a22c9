package com.dittofs.operator.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Least privilege the RBAC generator cannot express. quarkus-operator-sdk grants every verb on the primary resource;
 * the operator only reads DittoServers, patches their status and updates their finalizers (owner references that
 * block deletion): it never creates or deletes one. The packaging step takes those two verbs out of the generated
 * ClusterRole and of the bundle's cluster permissions, before anything else reads them.
 */
public final class RbacConventions {

    static final String PRIMARY_RESOURCE = "dittoservers";
    /** The operator's other primary resources: read, status patched, finalizers updated, never created or deleted. */
    static final Set<String> PRIMARY_RESOURCES = Set.of(PRIMARY_RESOURCE, "dittosnapshots", "dittosnapshotrestores");
    /** Verbs the operator never uses on its own primary resource. */
    static final Set<String> UNUSED_PRIMARY_VERBS = Set.of("create", "delete", "deletecollection");

    private RbacConventions() {
    }

    /** Drops the unused verbs from every rule on the primary resource in the given rules array. Idempotent. */
    static void narrowPrimaryRules(JsonNode rules) {
        for (JsonNode rule : rules) {
            boolean primary = false;
            for (JsonNode resource : rule.path("resources")) {
                primary |= PRIMARY_RESOURCES.contains(resource.asText().split("/", 2)[0]);
            }
            if (!primary || !(rule.get("verbs") instanceof ArrayNode verbs)) {
                continue;
            }
            for (int i = verbs.size() - 1; i >= 0; i--) {
                if (UNUSED_PRIMARY_VERBS.contains(verbs.get(i).asText())) {
                    verbs.remove(i);
                }
            }
        }
    }

    /**
     * Rewrites the generated kubernetes.yml with one ClusterRole for the operator (the other controllers' roles merged
     * into the DittoServer controller's, their bindings dropped: every install path grants the operator one role) and
     * the primary resources' rules narrowed.
     */
    static void narrowClusterRoles(Path kubernetesYml) throws IOException {
        List<JsonNode> docs = mergeControllerRoles(Yaml.readAll(kubernetesYml));
        StringBuilder out = new StringBuilder();
        for (JsonNode doc : docs) {
            if ("ClusterRole".equals(doc.path("kind").asText()) || "Role".equals(doc.path("kind").asText())) {
                narrowPrimaryRules(doc.path("rules"));
            }
            out.append("---\n").append(Yaml.write(doc));
        }
        Files.writeString(kubernetesYml, out.toString(), StandardCharsets.UTF_8);
    }

    /** The documents with every other controller's ClusterRole merged into {@link ChartNames#GENERATED_ROLE}. */
    static List<JsonNode> mergeControllerRoles(List<JsonNode> docs) {
        JsonNode primary = docs.stream().filter(d -> isRole(d, ChartNames.GENERATED_ROLE)).findFirst().orElse(null);
        if (primary == null) {
            return docs;
        }
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode doc : docs) {
            String kind = doc.path("kind").asText();
            String name = doc.at("/metadata/name").asText();
            if (kind.equals("ClusterRole") && name.endsWith(CONTROLLER_ROLE_SUFFIX)
                    && !name.equals(ChartNames.GENERATED_ROLE)) {
                doc.path("rules").forEach(rule -> mergeRule((ArrayNode) primary.path("rules"), rule));
                sortRules((ArrayNode) primary.path("rules"));
            } else if (!(kind.equals("ClusterRoleBinding") && name.endsWith(CONTROLLER_ROLE_SUFFIX + "-binding")
                    && !name.equals(ChartNames.GENERATED_BINDING))) {
                out.add(doc);
            }
        }
        return out;
    }

    /** What quarkus-operator-sdk appends to a controller's name for its ClusterRole. */
    static final String CONTROLLER_ROLE_SUFFIX = "-cluster-role";

    /** Adds a rule unless one already grants it; a rule on the very same resources gets its verbs. */
    static void mergeRule(ArrayNode rules, JsonNode rule) {
        for (JsonNode existing : rules) {
            if (set(existing, "apiGroups").equals(set(rule, "apiGroups"))
                    && set(existing, "resources").containsAll(set(rule, "resources"))
                    && set(existing, "resourceNames").equals(set(rule, "resourceNames"))
                    && (set(existing, "resources").equals(set(rule, "resources"))
                    || set(existing, "verbs").containsAll(set(rule, "verbs")))) {
                ArrayNode verbs = (ArrayNode) existing.path("verbs");
                for (String verb : set(rule, "verbs")) {
                    if (!set(existing, "verbs").contains(verb)) {
                        verbs.add(verb);
                    }
                }
                return;
            }
        }
        rules.add(rule.deepCopy());
    }

    /**
     * Drops each rule another rule of the list already grants (the bundle generator lists every controller's rules
     * one after the other). Of two equal rules the first stays.
     */
    static void dropCovered(ArrayNode rules) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            for (int j = 0; j < rules.size(); j++) {
                if (j != i && covers(rules.get(j), rules.get(i)) && (j < i || !covers(rules.get(i), rules.get(j)))) {
                    rules.remove(i);
                    break;
                }
            }
        }
    }

    private static boolean covers(JsonNode wide, JsonNode narrow) {
        return set(wide, "apiGroups").equals(set(narrow, "apiGroups"))
                && set(wide, "resourceNames").equals(set(narrow, "resourceNames"))
                && set(wide, "resources").containsAll(set(narrow, "resources"))
                && set(wide, "verbs").containsAll(set(narrow, "verbs"));
    }

    private static Set<String> set(JsonNode rule, String field) {
        Set<String> values = new java.util.TreeSet<>();
        rule.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    private static boolean isRole(JsonNode doc, String name) {
        return "ClusterRole".equals(doc.path("kind").asText()) && name.equals(doc.at("/metadata/name").asText());
    }

    /** Narrows the rules of a CSV's clusterPermissions and permissions. */
    static void narrowCsv(ObjectNode csvSpec) {
        for (String kind : List.of("clusterPermissions", "permissions")) {
            for (JsonNode permission : csvSpec.at("/install/spec/" + kind)) {
                if (permission.get("rules") instanceof ArrayNode rules) {
                    dropCovered(rules);
                }
                narrowPrimaryRules(permission.path("rules"));
                if (permission.get("rules") instanceof ArrayNode rules) {
                    sortRules(rules);
                }
            }
        }
    }

    /**
     * Orders rules by API group, resources and names: the generator lists the controllers' rules in an order that
     * changes from build to build, and the committed copies must not.
     */
    static void sortRules(ArrayNode rules) {
        List<JsonNode> sorted = new java.util.ArrayList<>();
        rules.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing((JsonNode r) -> String.join(",", set(r, "apiGroups")))
                .thenComparing(r -> r.path("resources").toString())
                .thenComparing(r -> r.path("resourceNames").toString()));
        rules.removeAll();
        rules.addAll(sorted);
    }
}
