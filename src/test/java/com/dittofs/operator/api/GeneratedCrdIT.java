package com.dittofs.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.dittofs.operator.naming.Names;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CRD the build generates (target/kubernetes) documents every field and carries the defaults and rules users
 * rely on. Runs after packaging, on the artefact that ships.
 */
@Tag("packaging")
class GeneratedCrdIT {

    /** Fields typed with Kubernetes model classes: described at the field, their insides are upstream's. */
    private static final Set<String> EMBEDDED = Set.of("affinity", "tolerations", "resources", "securityContext",
            "podSecurityContext", "imagePullSecrets", "postgresSecretRef", "secretRef", "passwordSecretRef",
            "conditions", "fileClients", "apiClients", "metricsClients");

    private static JsonNode crd;
    private static JsonNode version;

    @BeforeAll
    static void load() throws IOException {
        crd = new YAMLMapper().readTree(Path.of("target/kubernetes/dittoservers.dittofs.dittofs.com-v1.yml").toFile());
        version = crd.path("spec").path("versions").get(0);
    }

    private static JsonNode spec() {
        return version.path("schema").path("openAPIV3Schema").path("properties").path("spec");
    }

    private static JsonNode at(String path) {
        JsonNode node = spec();
        for (String part : path.split("\\.")) {
            node = node.path("properties").path(part);
        }
        return node;
    }

    @Test
    void everyPropertyOfOurOwnTypesIsDescribed() {
        List<String> undocumented = new ArrayList<>();
        JsonNode root = version.path("schema").path("openAPIV3Schema").path("properties");
        walk("spec", root.path("spec"), undocumented);
        walk("status", root.path("status"), undocumented);
        assertThat(undocumented).isEmpty();
    }

    private static void walk(String path, JsonNode schema, List<String> undocumented) {
        var fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "." + field.getKey();
            if (!field.getValue().hasNonNull("description")) {
                undocumented.add(child);
            }
            if (!EMBEDDED.contains(field.getKey()) && !secretKeySelector(field.getValue())) {
                walk(child, field.getValue(), undocumented);
                walk(child + "[]", field.getValue().path("items"), undocumented);
            }
        }
    }

    /** Kubernetes' own SecretKeySelector (key, name, optional), documented by Kubernetes, wherever a field uses it. */
    private static boolean secretKeySelector(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names.equals(Set.of("key", "name", "optional"));
    }

    @Test
    void namesShortNamesScopeAndStatusSubresource() {
        assertThat(crd.path("spec").path("group").asText()).isEqualTo("dittofs.dittofs.com");
        assertThat(crd.path("spec").path("scope").asText()).isEqualTo("Namespaced");
        assertThat(crd.path("spec").path("names").path("kind").asText()).isEqualTo("DittoServer");
        assertThat(crd.path("spec").path("names").path("shortNames")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ditto", "dittofs");
        assertThat(version.path("name").asText()).isEqualTo("v1alpha1");
        assertThat(version.path("subresources").has("status")).isTrue();
    }

    @Test
    void printerColumns() {
        List<String> columns = new ArrayList<>();
        version.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText()));
        // in this order: kubectl shows READY and PHASE first and AGE last, as for built-in kinds
        assertThat(columns).containsExactly("Ready", "Phase", "Replicas", "Image", "Version", "NFS", "Age");
        assertThat(version.path("additionalPrinterColumns").get(4).path("jsonPath").asText())
                .isEqualTo(".status.dfsVersion");
        JsonNode nfs = version.path("additionalPrinterColumns").get(5);
        assertThat(nfs.path("jsonPath").asText()).isEqualTo(".status.endpoints.nfs");
        assertThat(nfs.path("priority").asInt()).as("NFS only with -o wide").isEqualTo(1);
    }

    @Test
    void categories() {
        // `kubectl get dittofs-all` lists every kind, `kubectl get storage` DittoServers (checked on the apiserver by
        // ChartLifecycleIT)
        List<String> categories = new ArrayList<>();
        crd.at("/spec/names/categories").forEach(c -> categories.add(c.asText()));
        assertThat(categories).containsExactly("dittofs-all", "storage");
    }

    @Test
    void defaults() {
        assertThat(at("image").path("default").asText()).isEqualTo("marmos91c/dittofs:v0.29.0");
        assertThat(at("replicas").path("default").asInt()).isEqualTo(1);
        assertThat(at("storage.cacheSize").path("default").asText()).isEqualTo("5Gi");
        assertThat(at("nfs.port").path("default").asInt()).isEqualTo(2049);
        assertThat(at("smb.port").path("default").asInt()).isEqualTo(445);
        assertThat(at("controlPlane.port").path("default").asInt()).isEqualTo(8080);
        assertThat(at("metrics.port").path("default").asInt()).isEqualTo(9090);
        assertThat(at("metrics.enabled").path("default").asBoolean()).isFalse();
        assertThat(at("service.type").path("default").asText()).isEqualTo("ClusterIP");
        assertThat(at("database.type").path("default").asText()).isEqualTo("sqlite");
        assertThat(at("terminationGracePeriodSeconds").path("default").asInt()).isEqualTo(105);
    }

    @Test
    void validationRules() {
        assertThat(spec().path("required")).extracting(JsonNode::asText).contains("storage");
        assertThat(at("storage").path("required")).extracting(JsonNode::asText).contains("metadataSize");
        assertThat(at("storage.metadataSize").path("pattern").asText()).isNotEmpty();
        assertThat(at("replicas").path("maximum").asInt()).isEqualTo(1);
        assertThat(at("service.type").path("enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ClusterIP", "NodePort", "LoadBalancer");
        assertThat(rules(spec())).contains("self.nfs.enabled || self.smb.enabled");
        assertThat(rules(at("database"))).anyMatch(r -> r.contains("postgresSecretRef"));
        assertThat(rules(at("storage"))).anyMatch(r -> r.contains("oldSelf.storageClassName"));
        assertThat(at("image").path("maxLength").asInt()).isEqualTo(512);
        assertThat(at("storage.storageClassName").path("maxLength").asInt()).isEqualTo(253);
    }

    @Test
    void nameLimitsAreRulesAtTheRootOfTheSchema() {
        List<String> rules = rules(version.path("schema").path("openAPIV3Schema"));
        assertThat(rules).contains("self.metadata.name.size() <= " + Names.MAX_NAME_LENGTH)
                .anyMatch(r -> r.contains("self.metadata.name.matches('" + Names.NAME_PATTERN + "')"))
                .anyMatch(r -> r.contains("self.metadata.name.size() <= " + Names.MAX_NAME_LENGTH_WITH_PERCONA));
    }

    private static List<String> rules(JsonNode schema) {
        List<String> rules = new ArrayList<>();
        schema.path("x-kubernetes-validations").forEach(r -> rules.add(r.path("rule").asText()));
        return rules;
    }

    @Test
    void theDittoSnapshotCrdIsDescribedImmutableAndShowsServerShareAndPhase() throws IOException {
        JsonNode snapshots = new YAMLMapper().readTree(
                Path.of("target/kubernetes/dittosnapshots.dittofs.dittofs.com-v1.yml").toFile());
        assertThat(snapshots.at("/spec/scope").asText()).isEqualTo("Namespaced");
        assertThat(snapshots.at("/spec/names/shortNames").toString()).isEqualTo("[\"dsnap\"]");
        assertThat(snapshots.at("/spec/names/categories").toString()).isEqualTo("[\"dittofs-all\"]");
        JsonNode v = snapshots.path("spec").path("versions").get(0);
        List<String> columns = new ArrayList<>();
        v.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText() + ":"
                + c.path("priority").asInt()));
        assertThat(columns).containsExactly("Server:0", "Share:0", "Phase:0", "ID:1", "Age:0");
        JsonNode root = v.path("schema").path("openAPIV3Schema").path("properties");
        List<String> undocumented = new ArrayList<>();
        walk("spec", root.path("spec"), undocumented);
        walk("status", root.path("status"), undocumented);
        assertThat(undocumented).isEmpty();
        for (String field : List.of("server", "share", "deletionPolicy")) {
            assertThat(rules(root.path("spec").path("properties").path(field))).as(field).contains("self == oldSelf");
        }
        assertThat(root.at("/spec/properties/deletionPolicy/default").asText()).isEqualTo("Delete");
        assertThat(root.at("/status/properties/snapshotId/type").asText()).as("what a restore reads")
                .isEqualTo("string");
    }
}
