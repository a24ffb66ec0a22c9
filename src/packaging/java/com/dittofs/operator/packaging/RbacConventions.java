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
 * the operator only reads DittoServers (and DittoSnapshotRestores), writes their status and updates their finalizers (owner references that
 * block deletion): it never creates or deletes one. The packaging step takes those two verbs out of the generated
 * ClusterRole and of the bundle's cluster permissions, before anything else reads them.
 */
public final class RbacConventions {

    /** The primary resources of the operator's controllers: the user's, never created or deleted by it. */
    static final Set<String> PRIMARY_RESOURCES = Set.of("dittoservers", "dittosnapshotrestores");
    /** Verbs the operator never uses on its own primary resource. */
    static final Set<String> UNUSED_PRIMARY_VERBS = Set.of("create", "delete", "deletecollection");

    private RbacConventions() {
    }

    /** Drops the unused verbs from every rule on the primary resource in the given rules array. Idempotent. */
    static void narrowPrimaryRules(JsonNode rules) {
        for (JsonNode rule : rules) {
            boolean primary = false;
            for (JsonNode resource : rule.path("resources")) {
                primary |= PRIMARY_RESOURCES.contains(resource.asText().split("/")[0]);
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

    /** What quarkus-operator-sdk names the ClusterRole of the DittoServer controller. */
    static final String MAIN_ROLE = "dittoserver-cluster-role";
    /** ... and that of each controller: {@code <controller>-cluster-role}, bound by {@code <role>-binding}. */
    static final String ROLE_SUFFIX = "-cluster-role";

    /**
     * Rewrites the generated kubernetes.yml with the primary resources' rules narrowed, and the ClusterRoles of the
     * other controllers (DittoSnapshotRestore) merged into the DittoServer controller's, their bindings dropped: one
     * operator, one ClusterRole to bind, review and split by scope (ChartNames), as the CSV has it.
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

    static List<JsonNode> mergeControllerRoles(List<JsonNode> docs) {
        JsonNode main = docs.stream().filter(d -> isRole(d, MAIN_ROLE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("kubernetes.yml has no ClusterRole " + MAIN_ROLE));
        List<JsonNode> kept = new java.util.ArrayList<>();
        Set<String> merged = new java.util.HashSet<>();
        for (JsonNode doc : docs) {
            String name = doc.at("/metadata/name").asText();
            if (doc != main && "ClusterRole".equals(doc.path("kind").asText()) && name.endsWith(ROLE_SUFFIX)) {
                ArrayNode rules = (ArrayNode) main.path("rules");
                doc.path("rules").forEach(rule -> {
                    if (!contains(rules, rule)) {
                        rules.add(rule);
                    }
                });
                merged.add(name + "-binding");
            } else {
                kept.add(doc);
            }
        }
        return kept.stream().filter(d -> !("ClusterRoleBinding".equals(d.path("kind").asText())
                && merged.contains(d.at("/metadata/name").asText()))).toList();
    }

    private static boolean isRole(JsonNode doc, String name) {
        return "ClusterRole".equals(doc.path("kind").asText()) && name.equals(doc.at("/metadata/name").asText());
    }

    private static boolean contains(ArrayNode rules, JsonNode rule) {
        for (JsonNode r : rules) {
            if (r.equals(rule)) {
                return true;
            }
        }
        return false;
    }

    /** Narrows the rules of a CSV's clusterPermissions and permissions. */
    static void narrowCsv(ObjectNode csvSpec) {
        for (String kind : List.of("clusterPermissions", "permissions")) {
            for (JsonNode permission : csvSpec.at("/install/spec/" + kind)) {
                narrowPrimaryRules(permission.path("rules"));
            }
        }
    }
}
