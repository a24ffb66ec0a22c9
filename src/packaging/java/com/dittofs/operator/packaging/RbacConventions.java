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
    /** Verbs the operator never uses on its own primary resource. */
    static final Set<String> UNUSED_PRIMARY_VERBS = Set.of("create", "delete", "deletecollection");

    private RbacConventions() {
    }

    /** Drops the unused verbs from every rule on the primary resource in the given rules array. Idempotent. */
    static void narrowPrimaryRules(JsonNode rules) {
        for (JsonNode rule : rules) {
            boolean primary = false;
            for (JsonNode resource : rule.path("resources")) {
                primary |= resource.asText().equals(PRIMARY_RESOURCE)
                        || resource.asText().startsWith(PRIMARY_RESOURCE + "/");
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

    /** Rewrites the generated kubernetes.yml with the primary resource's rules narrowed. */
    static void narrowClusterRoles(Path kubernetesYml) throws IOException {
        List<JsonNode> docs = Yaml.readAll(kubernetesYml);
        StringBuilder out = new StringBuilder();
        for (JsonNode doc : docs) {
            if ("ClusterRole".equals(doc.path("kind").asText()) || "Role".equals(doc.path("kind").asText())) {
                narrowPrimaryRules(doc.path("rules"));
            }
            out.append("---\n").append(Yaml.write(doc));
        }
        Files.writeString(kubernetesYml, out.toString(), StandardCharsets.UTF_8);
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
