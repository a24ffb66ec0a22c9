package com.dittofs.operator.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives the kubectl manifests (deploy/operator.yaml) the object names the Helm chart gives a release named
 * {@value PackagingArtifacts#PACKAGE}, so that moving between the two install paths finds the same objects
 * (docs/INSTALL.md, "Switching install method"). The generator names the operator's ClusterRole after the
 * controller and its Service after the application; the chart splits the ClusterRole by scope (a RoleBinding
 * cannot grant cluster-scoped resources) and names the Service after what it serves. InstallNamesTest compares them.
 */
public final class ChartNames {

    /** What quarkus-operator-sdk names the operator's ClusterRole and its binding. */
    static final String GENERATED_ROLE = "dittoserver-cluster-role";
    static final String GENERATED_BINDING = GENERATED_ROLE + "-binding";
    /** The chart's names for the operator's rules on namespaced and on cluster-scoped resources. */
    public static final String ROLE = PackagingArtifacts.PACKAGE;
    public static final String CLUSTER_SCOPED_ROLE = ROLE + "-cluster-scoped";
    /** The Service in front of the operator's /q/metrics and health endpoints, and its port. */
    public static final String METRICS_SERVICE = PackagingArtifacts.PACKAGE + "-metrics";
    public static final int METRICS_PORT = 8080;
    /** Cluster-scoped resources an operator might ask for. */
    public static final Set<String> CLUSTER_SCOPED = Set.of("customresourcedefinitions", "namespaces", "nodes",
            "persistentvolumes", "storageclasses", "clusterroles", "clusterrolebindings", "priorityclasses",
            "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "apiservices", "csidrivers",
            "volumeattachments", "ingressclasses", "runtimeclasses", "certificatesigningrequests");

    private ChartNames() {
    }

    /** The generated documents with the chart's names; documents it does not rename are kept as they are. */
    static List<JsonNode> apply(List<JsonNode> generated) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode doc : generated) {
            String kind = doc.path("kind").asText();
            String name = doc.at("/metadata/name").asText();
            if (kind.equals("ClusterRole") && name.equals(GENERATED_ROLE)) {
                out.add(role(doc, ROLE, false));
                out.add(role(doc, CLUSTER_SCOPED_ROLE, true));
            } else if (kind.equals("ClusterRoleBinding") && name.equals(GENERATED_BINDING)) {
                out.add(binding(doc, ROLE));
                out.add(binding(doc, CLUSTER_SCOPED_ROLE));
            } else if (kind.equals("Service") && name.equals(PackagingArtifacts.PACKAGE)) {
                ObjectNode service = doc.deepCopy();
                service.withObject("/metadata").put("name", METRICS_SERVICE);
                for (JsonNode port : service.at("/spec/ports")) {
                    if ("http".equals(port.path("name").asText())) {
                        ((ObjectNode) port).put("port", METRICS_PORT).put("targetPort", "http");
                    }
                }
                out.add(service);
            } else {
                out.add(doc);
            }
        }
        return out;
    }

    private static ObjectNode role(JsonNode generated, String name, boolean clusterScoped) {
        ObjectNode role = generated.deepCopy();
        role.withObject("/metadata").put("name", name);
        ArrayNode rules = role.putArray("rules");
        for (JsonNode rule : generated.path("rules")) {
            boolean scoped = false;
            for (JsonNode resource : rule.path("resources")) {
                scoped |= CLUSTER_SCOPED.contains(resource.asText().split("/", 2)[0]);
            }
            if (scoped == clusterScoped) {
                rules.add(rule.deepCopy());
            }
        }
        return role;
    }

    private static ObjectNode binding(JsonNode generated, String name) {
        ObjectNode binding = generated.deepCopy();
        binding.withObject("/metadata").put("name", name);
        binding.withObject("/roleRef").put("name", name);
        return binding;
    }
}
