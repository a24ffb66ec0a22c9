package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hand-written chart in helm/dittofs-operator: lints, renders the right RBAC for each watch mode, grants exactly
 * the rules the build generates, and deploys a hardened operator. Pure: helm lint and helm template, no cluster
 * (HelmInstallIT installs it on a real apiserver).
 */
class HelmChartTest extends WithHelm {

    static final String RELEASE = "dittofs-operator";
    static final String NS = "dittofs-system";
    /** Cluster-scoped resources an operator might ask for. */
    static final Set<String> CLUSTER_SCOPED = ChartNames.CLUSTER_SCOPED;

    @Test
    void chartVersionsFollowTheProject() {
        JsonNode chart = Yaml.read(Helm.CHART.resolve("Chart.yaml"));
        assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
        assertThat(chart.path("name").asText()).isEqualTo("dittofs-operator");
        assertThat(chart.path("version").asText()).isEqualTo(Build.projectVersion());
        assertThat(chart.path("appVersion").asText()).isEqualTo(Build.projectVersion());
    }

    @Test
    void chartCrdIsTheGeneratedCrd() {
        Build.assertSameFile(Build.ARTIFACTS.committedChartCrd(), Build.ARTIFACTS.generatedChartCrd());
        JsonNode crd = Rbac.only(helm.render(RELEASE, NS), "CustomResourceDefinition", PackagingArtifacts.CRD_NAME);
        assertThat(crd.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
        JsonNode generated = Yaml.read(Build.generatedCrd());
        assertThat(crd.path("spec").equals(generated.path("spec"))).as("chart CRD spec vs target/kubernetes; "
                + Build.SYNC_HINT).isTrue();
    }

    @Test
    void lints() {
        helm.run("lint", "--strict", Helm.CHART.toString()).orFail();
        helm.run("lint", "--strict", Helm.CHART.toString(), "--set", "watch.mode=namespaces", "--set",
                "watch.namespaces={team-a,team-b}", "--set", "metrics.serviceMonitor.enabled=true").orFail();
        helm.run("lint", "--strict", Helm.CHART.toString(), "--set", "watch.mode=release").orFail();
    }

    @Test
    void watchAllUsesAClusterRoleBinding() {
        List<JsonNode> docs = helm.render(RELEASE, NS);
        JsonNode binding = Rbac.only(docs, "ClusterRoleBinding", RELEASE);
        assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(RELEASE);
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(RELEASE);
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(NS);
        assertThat(workloadRoleBindings(docs)).isEmpty();
        assertThat(env(docs)).doesNotContainKey("WATCH_NAMESPACES");
    }

    @Test
    void watchNamespacesUsesOneRoleBindingPerNamespace() {
        List<JsonNode> docs = helm.render(RELEASE, NS, "--set", "watch.mode=namespaces", "--set",
                "watch.namespaces={team-a,team-b}");
        assertThat(Rbac.all(docs, "ClusterRoleBinding")).extracting(b -> b.at("/metadata/name").asText())
                .containsExactly(RELEASE + "-cluster-scoped");
        List<JsonNode> bindings = workloadRoleBindings(docs);
        assertThat(bindings).extracting(b -> b.at("/metadata/namespace").asText())
                .containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(bindings).allSatisfy(b -> {
            assertThat(b.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
            assertThat(b.at("/roleRef/name").asText()).isEqualTo(RELEASE);
            assertThat(b.at("/subjects/0/name").asText()).isEqualTo(RELEASE);
            assertThat(b.at("/subjects/0/namespace").asText()).isEqualTo(NS);
        });
        assertThat(env(docs)).containsEntry("WATCH_NAMESPACES", "team-a,team-b");
        // the ClusterRole still exists: RoleBindings reference it, it grants nothing by itself (besides it, the
        // cluster-scoped one and the two for DittoServer users, UserRolesTest)
        assertThat(Rbac.all(docs, "ClusterRole")).hasSize(4);
    }

    @Test
    void watchReleaseUsesARoleBindingInTheReleaseNamespace() {
        List<JsonNode> docs = helm.render(RELEASE, "team-c", "--set", "watch.mode=release");
        assertThat(Rbac.all(docs, "ClusterRoleBinding")).extracting(b -> b.at("/metadata/name").asText())
                .containsExactly(RELEASE + "-cluster-scoped");
        assertThat(workloadRoleBindings(docs)).singleElement().satisfies(b -> {
            assertThat(b.at("/metadata/namespace").asText()).isEqualTo("team-c");
            assertThat(b.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
        });
        assertThat(env(docs)).containsEntry("WATCH_NAMESPACES", "team-c");
    }

    @Test
    void invalidWatchSettingsAreRejected() {
        assertThat(helm.template(RELEASE, NS, "--set", "watch.mode=namespaces").ok())
                .as("namespaces mode without namespaces").isFalse();
        assertThat(helm.template(RELEASE, NS, "--set", "watch.mode=cluster").ok()).as("unknown mode").isFalse();
        assertThat(helm.template(RELEASE, NS, "--set", "watch.mode=namespaces", "--set",
                "watch.namespaces={Not_A_Namespace}").ok()).as("invalid namespace name").isFalse();
        assertThat(helm.template(RELEASE, NS, "--set", "unknownKey=1").ok()).as("unknown value").isFalse();
    }

    @Test
    void clusterRolesGrantExactlyTheGeneratedRules() {
        for (String mode : List.of("all", "release")) {
            List<JsonNode> docs = helm.render(RELEASE, NS, "--set", "watch.mode=" + mode);
            Set<Rbac.Rule> chart = new TreeSet<>(Rbac.rules(Rbac.only(docs, "ClusterRole", RELEASE).path("rules")));
            chart.addAll(Rbac.rules(Rbac.only(docs, "ClusterRole", RELEASE + "-cluster-scoped").path("rules")));
            assertThat(chart)
                    .as("helm/dittofs-operator/templates/clusterrole.yaml vs the generated dittoserver-cluster-role in "
                            + "target/kubernetes/kubernetes.yml (the reconciler's dependents and @RBACRule)")
                    .isEqualTo(Rbac.rules(Build.generatedClusterRole().path("rules")));
            JsonNode role = Rbac.only(docs, "Role", RELEASE + "-leader-election");
            assertThat(role.at("/metadata/namespace").asText()).isEqualTo(NS);
            assertThat(Rbac.rules(role.path("rules"))).isEqualTo(Rbac.rules(
                    Rbac.only(Build.generatedManifests(), "Role", "dittofs-operator-leader-election").path("rules")));
            JsonNode leaderBinding = Rbac.only(docs, "RoleBinding", RELEASE + "-leader-election");
            assertThat(leaderBinding.at("/roleRef/kind").asText()).isEqualTo("Role");
            assertThat(leaderBinding.at("/metadata/namespace").asText()).isEqualTo(NS);
        }
    }

    @Test
    void clusterScopedRulesAreAlwaysGrantedClusterWide() {
        for (String mode : List.of("all", "release")) {
            List<JsonNode> docs = helm.render(RELEASE, NS, "--set", "watch.mode=" + mode);
            // a RoleBinding cannot grant cluster-scoped resources: they must not sit in the per-namespace role
            assertThat(Rbac.rules(Rbac.only(docs, "ClusterRole", RELEASE).path("rules")))
                    .allSatisfy(r -> assertThat(r.resources()).doesNotContainAnyElementsOf(CLUSTER_SCOPED));
            assertThat(Rbac.rules(Rbac.only(docs, "ClusterRole", RELEASE + "-cluster-scoped").path("rules")))
                    .allSatisfy(r -> assertThat(CLUSTER_SCOPED).containsAll(r.resources()))
                    .allSatisfy(r -> assertThat(r.verbs()).isSubsetOf("get", "list", "watch"));
            JsonNode binding = Rbac.only(docs, "ClusterRoleBinding", RELEASE + "-cluster-scoped");
            assertThat(binding.at("/roleRef/name").asText()).isEqualTo(RELEASE + "-cluster-scoped");
            assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(NS);
        }
    }

    @Test
    void deploymentRunsTheOperatorWithItsHealthEndpoints() {
        List<JsonNode> docs = helm.render(RELEASE, NS);
        JsonNode pod = Rbac.only(docs, "Deployment", RELEASE).at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo(RELEASE);
        // the generic hardening (security contexts, resources, probes present, image tag) is ManifestLintTest's

        assertThat(container.path("ports")).singleElement().satisfies(p -> {
            assertThat(p.path("name").asText()).isEqualTo("http");
            assertThat(p.path("containerPort").asInt()).isEqualTo(8080);
        });
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(container.path("volumeMounts")).singleElement().satisfies(m -> {
            assertThat(m.path("name").asText()).isEqualTo("tmp");
            assertThat(m.path("mountPath").asText()).isEqualTo("/tmp");
        });
        assertThat(pod.path("volumes")).singleElement().satisfies(v -> assertThat(v.has("emptyDir")).isTrue());
        assertThat(container.path("image").asText())
                .isEqualTo("ghcr.io/dittofs/dittofs-operator:" + Build.projectVersion());
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
        assertThat(env(docs)).containsEntry("LOG_JSON", "true");
        // the chart's image is the one the build's manifests and the OLM bundle use
        String generatedImage = Rbac.only(Build.generatedManifests(), "Deployment", "dittofs-operator")
                .at("/spec/template/spec/containers/0/image").asText();
        assertThat(container.path("image").asText()).isEqualTo(generatedImage);
    }

    @Test
    void podSchedulingAndImageAreConfigurable() {
        List<JsonNode> docs = helm.render(RELEASE, NS,
                "--set", "image.repository=registry.example/ops/dittofs-operator",
                "--set", "image.tag=1.2.3",
                "--set", "image.pullPolicy=Always",
                "--set", "imagePullSecrets[0].name=regcred",
                "--set", "resources.limits.memory=1Gi",
                "--set", "nodeSelector.disktype=ssd",
                "--set", "tolerations[0].key=dedicated",
                "--set", "tolerations[0].operator=Exists",
                "--set", "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                        + ".nodeSelectorTerms[0].matchExpressions[0].key=zone",
                "--set", "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                        + ".nodeSelectorTerms[0].matchExpressions[0].operator=Exists",
                "--set", "replicaCount=2",
                "--set", "logging.json=false");
        JsonNode pod = Rbac.only(docs, "Deployment", RELEASE).at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("registry.example/ops/dittofs-operator:1.2.3");
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("Always");
        assertThat(pod.at("/imagePullSecrets/0/name").asText()).isEqualTo("regcred");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
        assertThat(pod.at("/nodeSelector/disktype").asText()).isEqualTo("ssd");
        assertThat(pod.at("/tolerations/0/key").asText()).isEqualTo("dedicated");
        assertThat(pod.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
                + "/nodeSelectorTerms/0/matchExpressions/0/key").asText()).isEqualTo("zone");
        assertThat(Rbac.only(docs, "Deployment", RELEASE).at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(env(docs)).containsEntry("LOG_JSON", "false");
    }

    @Test
    void metricsServiceAndOptionalServiceMonitor() {
        List<JsonNode> plain = helm.render(RELEASE, NS);
        JsonNode service = Rbac.only(plain, "Service", RELEASE + "-metrics");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(Rbac.all(plain, "ServiceMonitor")).isEmpty();

        List<JsonNode> monitored = helm.render(RELEASE, NS, "--set", "metrics.serviceMonitor.enabled=true",
                "--set", "metrics.serviceMonitor.labels.release=prometheus");
        JsonNode monitor = Rbac.only(monitored, "ServiceMonitor", RELEASE);
        assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        // the monitor selects the metrics Service
        Map<String, String> serviceLabels = new TreeMap<>();
        service.at("/metadata/labels").fields().forEachRemaining(e -> serviceLabels.put(e.getKey(),
                e.getValue().asText()));
        monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
                assertThat(serviceLabels).containsEntry(e.getKey(), e.getValue().asText()));
    }

    @Test
    void crdsCanBeLeftOut() {
        assertThat(Rbac.all(helm.render(RELEASE, NS, "--set", "crds.enabled=false"), "CustomResourceDefinition"))
                .isEmpty();
    }

    /** RoleBindings that grant the operator's ClusterRole (not the leader-election one). */
    static List<JsonNode> workloadRoleBindings(List<JsonNode> docs) {
        return Rbac.all(docs, "RoleBinding").stream()
                .filter(b -> "ClusterRole".equals(b.at("/roleRef/kind").asText())).toList();
    }

    static Map<String, String> env(List<JsonNode> docs) {
        Map<String, String> env = new TreeMap<>();
        Rbac.only(docs, "Deployment", RELEASE).at("/spec/template/spec/containers/0/env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }
}
