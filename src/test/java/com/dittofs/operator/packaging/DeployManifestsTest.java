package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deploy/crd.yaml and deploy/operator.yaml (plain kubectl install) are exactly what the build generates into
 * target/deploy from target/kubernetes, and they describe a least-privilege, hardened operator.
 */
class DeployManifestsTest {

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    static final Path COMMITTED = Build.ARTIFACTS.committedDeploy();
    static final Path GENERATED = Build.ARTIFACTS.generatedDeploy();
    static final String NS = PackagingArtifacts.OPERATOR_NAMESPACE;

    final List<JsonNode> operator = Yaml.readAll(COMMITTED.resolve("operator.yaml"));

    @Test
    void committedManifestsAreExactlyTheGeneratedOnes() {
        Build.assertSameTree(COMMITTED, GENERATED);
    }

    @Test
    void crdsAreTheGeneratedCrds() {
        List<JsonNode> generated = PackagingArtifacts.CRD_NAMES.stream().map(name -> Yaml.read(Build.TARGET
                .resolve("kubernetes").resolve(name + "-v1.yml"))).toList();
        assertThat(Yaml.readAll(COMMITTED.resolve("crd.yaml"))).as("deploy/crd.yaml vs target/kubernetes; "
                + Build.SYNC_HINT).containsExactlyElementsOf(generated);
    }

    @Test
    void noCategoryShadowsANameOfOneKind() {
        // kubectl expands a category before it looks at names: a category spelled like a short name (or a plural,
        // a singular) would turn `kubectl get <that> <name>` into a question about every kind of the category
        Set<String> names = new java.util.HashSet<>();
        Set<String> categories = new java.util.HashSet<>();
        for (JsonNode crd : Yaml.readAll(COMMITTED.resolve("crd.yaml"))) {
            JsonNode n = crd.at("/spec/names");
            names.add(n.path("plural").asText());
            names.add(n.path("singular").asText());
            n.path("shortNames").forEach(s -> names.add(s.asText()));
            n.path("categories").forEach(c -> categories.add(c.asText()));
        }
        assertThat(categories).isNotEmpty().doesNotContainAnyElementsOf(names);
    }

    @Test
    void operatorManifestHoldsTheInstallInApplyOrder() {
        // the operator's two ClusterRoles (ChartNames), then the two for DittoServer users (UserRolesTest)
        assertThat(operator).extracting(d -> d.path("kind").asText()).containsExactly("Namespace", "ServiceAccount",
                "ClusterRole", "ClusterRole", "ClusterRole", "ClusterRole", "ClusterRoleBinding", "ClusterRoleBinding",
                "Role", "RoleBinding", "Service", "Deployment");
        assertThat(Rbac.only(operator, "Namespace", NS).at("/metadata/labels/pod-security.kubernetes.io~1enforce")
                .asText()).isEqualTo("restricted");
        for (JsonNode doc : operator) {
            String kind = doc.path("kind").asText();
            if (!kind.equals("Namespace") && !kind.startsWith("Cluster")) {
                assertThat(doc.at("/metadata/namespace").asText()).as(kind).isEqualTo(NS);
            }
        }
        // everything else of target/kubernetes is there, named as the chart names it (ChartNames)
        List<JsonNode> generated = new java.util.ArrayList<>(ChartNames.apply(Build.generatedManifests()));
        generated.addAll(Yaml.readAll(Build.BASE.resolve(PackagingArtifacts.USER_ROLES)));
        assertThat(operator.subList(1, operator.size())).containsExactlyInAnyOrderElementsOf(generated);
    }

    @Test
    void rbacIsLeastPrivilege() {
        // the generated rules, split as the chart splits them: namespaced resources, then cluster-scoped ones
        Set<Rbac.Rule> shipped = new java.util.TreeSet<>(Rbac.rules(Rbac.only(operator, "ClusterRole",
                ChartNames.ROLE).path("rules")));
        Set<Rbac.Rule> clusterScoped = Rbac.rules(Rbac.only(operator, "ClusterRole", ChartNames.CLUSTER_SCOPED_ROLE)
                .path("rules"));
        assertThat(clusterScoped).isNotEmpty().allSatisfy(r -> assertThat(ChartNames.CLUSTER_SCOPED)
                .containsAll(r.resources()));
        shipped.addAll(clusterScoped);
        assertThat(shipped).isEqualTo(Rbac.rules(Build.generatedClusterRole().path("rules")));
        for (String name : List.of(ChartNames.ROLE, ChartNames.CLUSTER_SCOPED_ROLE)) {
            JsonNode binding = Rbac.only(operator, "ClusterRoleBinding", name);
            assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
            assertThat(binding.at("/roleRef/name").asText()).isEqualTo(name);
            assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("dittofs-operator");
            assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(NS);
        }

        // no binding to the built-in `view` role (what quarkus-kubernetes-client adds by default)
        assertThat(Rbac.all(operator, "RoleBinding")).noneSatisfy(b ->
                assertThat(b.at("/roleRef/name").asText()).isEqualTo("view"));

        // leader election: the lease in the operator's namespace, by name wherever Kubernetes allows it
        JsonNode role = Rbac.only(operator, "Role", "dittofs-operator-leader-election");
        assertThat(Rbac.rules(role.path("rules"))).containsExactlyInAnyOrder(
                new Rbac.Rule(Set.of("coordination.k8s.io"), Set.of("leases"), Set.of(),
                        Set.of("create")),
                new Rbac.Rule(Set.of("coordination.k8s.io"), Set.of("leases"),
                        Set.of("dittofs-operator-lock"), Set.of("get", "update", "patch")));
        JsonNode roleBinding = Rbac.only(operator, "RoleBinding", "dittofs-operator-leader-election");
        assertThat(roleBinding.at("/roleRef/kind").asText()).isEqualTo("Role");
        assertThat(roleBinding.at("/subjects/0/name").asText()).isEqualTo("dittofs-operator");

        // no monitoring.coreos.com objects: these manifests must apply on a cluster without prometheus-operator
        assertThat(operator).noneSatisfy(d -> assertThat(d.path("kind").asText()).isEqualTo("ServiceMonitor"));
    }

    @Test
    void deploymentIsHardened() {
        JsonNode deployment = Rbac.only(operator, "Deployment", "dittofs-operator");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("dittofs-operator");
        // the generic hardening (security contexts, resources, probes present, image tag) is ManifestLintTest's
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/port").asInt()).isEqualTo(8080);
        assertThat(container.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(8080);
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        // the only writable path
        assertThat(container.path("volumeMounts")).anySatisfy(m -> {
            assertThat(m.path("mountPath").asText()).isEqualTo("/tmp");
            assertThat(m.path("name").asText()).isEqualTo("tmp");
        });
        assertThat(pod.path("volumes")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("tmp");
            assertThat(v.has("emptyDir")).isTrue();
        });
        // all namespaces by default; nothing the build environment could change
        assertThat(container.path("env")).anySatisfy(e -> {
            assertThat(e.path("name").asText()).isEqualTo("QUARKUS_OPERATOR_SDK_CONTROLLERS_DITTOSERVER_NAMESPACES");
            assertThat(e.path("value").asText()).isEqualTo("JOSDK_ALL_NAMESPACES");
        });
    }
}
