package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The install paths against a real kube-apiserver (hack/cluster.sh: etcd, apiserver, controller-manager, scheduler;
 * kwok simulates pods, so no operator container really runs): server-side dry-runs of deploy/ and of the chart in
 * every watch mode, then a real helm install / upgrade / uninstall and a real kubectl install, checking the objects
 * and what the operator's ServiceAccount may do ({@code kubectl auth can-i}). The steps build on each other and run
 * in order.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagingClusterIT {

    static final Path CLUSTER_DIR = Build.TARGET.resolve("packaging-cluster");
    static final String NS = PackagingArtifacts.OPERATOR_NAMESPACE;
    static final String RELEASE = "dittofs-operator";
    static final String SA = "system:serviceaccount:" + NS + ":dittofs-operator";
    static final String CRD = "customresourcedefinition/" + PackagingArtifacts.CRD_NAME;
    static final java.util.Set<String> CLUSTER_SCOPED = HelmChartTest.CLUSTER_SCOPED;

    static Path kubectl;
    static Helm helm;
    static Map<String, String> env;

    @BeforeAll
    static void startCluster() {
        kubectl = Tools.ensure("kubectl");
        Proc.run(List.of("bash", "hack/cluster.sh", "up", CLUSTER_DIR.toString()), Duration.ofMinutes(30)).orFail();
        env = Map.of("KUBECONFIG", CLUSTER_DIR.resolve("kubeconfig").toString());
        helm = new Helm(env);
        // The operator's namespace is labelled like deploy/operator.yaml labels it: pods must pass "restricted".
        k("create", "namespace", NS).orFail();
        k("label", "namespace", NS, "pod-security.kubernetes.io/enforce=restricted").orFail();
        k("create", "namespace", "team-a").orFail();
        k("create", "namespace", "team-b").orFail();
    }

    @AfterAll
    static void stopCluster() {
        Proc.run(List.of("bash", "hack/cluster.sh", "down", CLUSTER_DIR.toString()), Duration.ofMinutes(2));
    }

    @Test
    @Order(1)
    void deployManifestsPassServerSideDryRun() {
        k("apply", "--server-side", "--dry-run=server", "-f", "deploy/crd.yaml").orFail();
        String out = k("apply", "--server-side", "--dry-run=server", "-f", "deploy/operator.yaml").orFail();
        assertThat(out).contains("deployment.apps/dittofs-operator serverside-applied (server dry run)",
                "clusterrole.rbac.authorization.k8s.io/dittoserver-cluster-role serverside-applied (server dry run)");
        // a dry run creates nothing
        assertThat(k("get", CRD).ok()).isFalse();
    }

    @Test
    @Order(2)
    void chartPassesServerSideDryRunInEveryWatchMode() {
        for (List<String> values : List.of(List.of("--set", "watch.mode=all"),
                List.of("--set", "watch.mode=namespaces", "--set", "watch.namespaces={team-a,team-b}"),
                List.of("--set", "watch.mode=release"))) {
            String rendered = helm.template(RELEASE, NS, values.toArray(String[]::new)).orFail();
            Proc.Result applied = kIn(rendered, "apply", "--server-side", "--dry-run=server", "-f", "-");
            assertThat(applied.ok()).as(values + "\n" + applied.describe()).isTrue();
            assertThat(applied.out()).contains("deployment.apps/dittofs-operator serverside-applied");
        }
    }

    @Test
    @Order(3)
    void helmInstallCreatesTheOperatorWithNamespacedRbac() {
        helm.run("install", RELEASE, Helm.CHART.toString(), "--namespace", NS, "--set", "watch.mode=namespaces",
                "--set", "watch.namespaces={team-a,team-b}").orFail();

        awaitCrdEstablished();
        assertThat(json("get", CRD).at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
        JsonNode deployment = json("-n", NS, "get", "deployment", RELEASE);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/dittofs/dittofs-operator:"
                + Build.projectVersion());
        assertThat(container.path("env")).anySatisfy(e -> {
            assertThat(e.path("name").asText()).isEqualTo("WATCH_NAMESPACES");
            assertThat(e.path("value").asText()).isEqualTo("team-a,team-b");
        });
        k("-n", NS, "get", "serviceaccount", RELEASE).orFail();
        k("-n", NS, "get", "service", RELEASE + "-metrics").orFail();
        k("get", "clusterrole", RELEASE).orFail();
        assertThat(k("get", "clusterrolebinding", RELEASE).ok()).isFalse();
        k("get", "clusterrolebinding", RELEASE + "-cluster-scoped").orFail();
        for (String ns : List.of("team-a", "team-b")) {
            assertThat(json("-n", ns, "get", "rolebinding", RELEASE).at("/roleRef/name").asText()).isEqualTo(RELEASE);
        }
        k("-n", NS, "get", "role", RELEASE + "-leader-election").orFail();
        k("-n", NS, "get", "rolebinding", RELEASE + "-leader-election").orFail();
        awaitOperatorPod();

        // what the ServiceAccount may do: its workload only in the watched namespaces, its lease only at home
        assertThat(canI("list", "dittoservers.dittofs.dittofs.com", "team-a")).isTrue();
        assertThat(canI("patch", "dittoservers.dittofs.dittofs.com/status", "team-b")).isTrue();
        assertThat(canI("create", "statefulsets.apps", "team-b")).isTrue();
        assertThat(canI("list", "dittoservers.dittofs.dittofs.com", "default")).isFalse();
        assertThat(canI("get", "secrets", "default")).isFalse();
        assertThat(canI("create", "leases.coordination.k8s.io", NS)).isTrue();
        assertThat(canI("update", "leases.coordination.k8s.io/dittofs-operator-lock", NS)).isTrue();
        assertThat(canI("patch", "leases.coordination.k8s.io/dittofs-operator-lock", NS)).isTrue();
        assertThat(canI("update", "leases.coordination.k8s.io/someone-elses-lock", NS)).isFalse();
        assertThat(canI("list", "pods", "team-a")).isFalse();
        // everything the generated ClusterRole lists, in a watched namespace (cluster-scoped rules: cluster-wide)
        assertThat(missingGrants("team-a")).isEmpty();
    }

    @Test
    @Order(4)
    void almExamplesAreValidDittoServers() throws Exception {
        JsonNode examples = Yaml.JSON.readTree(Build.csv(Build.ARTIFACTS.committedBundle())
                .at("/metadata/annotations/alm-examples").asText());
        for (JsonNode example : examples) {
            Proc.Result r = kIn(example.toString(), "-n", "team-a", "apply", "--server-side", "--dry-run=server",
                    "-f", "-");
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    @Order(5)
    void helmUpgradeToAllNamespacesSwitchesToAClusterRoleBinding() {
        helm.run("upgrade", RELEASE, Helm.CHART.toString(), "--namespace", NS, "--set", "watch.mode=all").orFail();
        assertThat(json("get", "clusterrolebinding", RELEASE).at("/roleRef/name").asText()).isEqualTo(RELEASE);
        assertThat(k("-n", "team-a", "get", "rolebinding", RELEASE).ok()).isFalse();
        assertThat(json("-n", NS, "get", "deployment", RELEASE).at("/spec/template/spec/containers/0/env")
                .findValuesAsText("name")).doesNotContain("WATCH_NAMESPACES");
        assertThat(canI("list", "dittoservers.dittofs.dittofs.com", "default")).isTrue();
        assertThat(canI("list", "pods", "default")).isFalse();
        assertThat(missingGrants("default")).isEmpty();
    }

    @Test
    @Order(6)
    void helmUninstallKeepsTheCrd() {
        helm.run("uninstall", RELEASE, "--namespace", NS, "--wait", "--timeout", "2m").orFail();
        assertThat(k("-n", NS, "get", "deployment", RELEASE).ok()).isFalse();
        assertThat(k("get", "clusterrole", RELEASE).ok()).isFalse();
        assertThat(k("get", "clusterrolebinding", RELEASE + "-cluster-scoped").ok()).isFalse();
        k("get", CRD).orFail();
    }

    @Test
    @Order(7)
    void kubectlInstallFromDeploy() {
        // A fresh install: the CRD Helm kept would need --force-conflicts to change field managers (INSTALL.md).
        k("delete", CRD, "--wait=true", "--timeout=60s").orFail();
        k("apply", "--server-side", "-f", "deploy/crd.yaml", "-f", "deploy/operator.yaml").orFail();
        awaitCrdEstablished();
        JsonNode binding = json("get", "clusterrolebinding", "dittoserver-cluster-role-binding");
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(NS);
        k("-n", NS, "get", "deployment", "dittofs-operator").orFail();
        k("-n", NS, "get", "role", "dittofs-operator-leader-election").orFail();
        assertThat(k("-n", NS, "get", "rolebinding").orFail()).doesNotContain("view");
        awaitOperatorPod();
        assertThat(canI("create", "configmaps", "default")).isTrue();
        assertThat(canI("update", "leases.coordination.k8s.io/dittofs-operator-lock", NS)).isTrue();
        assertThat(canI("patch", "leases.coordination.k8s.io/dittofs-operator-lock", NS)).isTrue();
        assertThat(canI("list", "pods", "default")).isFalse();
        assertThat(missingGrants("default")).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The Deployment's pod is admitted (the namespace enforces the restricted Pod Security Standard). */
    static void awaitOperatorPod() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode pods = json("-n", NS, "get", "pods", "-l", "app.kubernetes.io/name=dittofs-operator");
            if (!pods.path("items").isEmpty()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("no operator pod was created; events:\n" + k("-n", NS, "get", "events").out());
    }

    /**
     * Generated ClusterRole grants the operator's ServiceAccount does not have in the namespace (cluster-scoped ones:
     * cluster-wide). SubjectAccessReviews, all in one request: unlike {@code kubectl auth can-i} they need no
     * discovery, so APIs this cluster does not serve (pgv2.percona.com) are checked too.
     */
    static List<String> missingGrants(String namespace) {
        var reviews = Yaml.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        var items = reviews.putArray("items");
        for (Rbac.Rule rule : Rbac.rules(Build.generatedClusterRole().path("rules"))) {
            for (String group : rule.apiGroups()) {
                for (String resource : rule.resources()) {
                    for (String verb : rule.verbs()) {
                        String[] parts = resource.split("/", 2);
                        var spec = items.addObject().put("apiVersion", "authorization.k8s.io/v1")
                                .put("kind", "SubjectAccessReview").putObject("spec");
                        spec.put("user", SA);
                        spec.putArray("groups").add("system:serviceaccounts").add("system:serviceaccounts:" + NS)
                                .add("system:authenticated");
                        var attributes = spec.putObject("resourceAttributes").put("verb", verb).put("group", group)
                                .put("resource", parts[0]).put("subresource", parts.length > 1 ? parts[1] : "")
                                .put("name", rule.resourceNames().isEmpty() ? "" : rule.resourceNames().iterator().next());
                        if (!CLUSTER_SCOPED.contains(parts[0])) {
                            attributes.put("namespace", namespace);
                        }
                    }
                }
            }
        }
        // kubectl prints one JSON object per review (or one List, depending on its version)
        List<JsonNode> answers = new ArrayList<>();
        String out = kIn(reviews.toString(), "create", "-f", "-", "-o", "json").orFail();
        try (var it = Yaml.JSON.readerFor(JsonNode.class).<JsonNode>readValues(out)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc.has("items")) {
                    doc.get("items").forEach(answers::add);
                } else {
                    answers.add(doc);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode review : answers) {
            if (!review.at("/status/allowed").asBoolean()) {
                missing.add(review.at("/spec/resourceAttributes").toString());
            }
        }
        assertThat(answers).hasSize(items.size());
        return missing;
    }

    static boolean canI(String verb, String resource, String namespace) {
        Proc.Result r = k("auth", "can-i", verb, resource, "-n", namespace, "--as", SA);
        assertThat(r.out().strip()).as(r.describe()).isIn("yes", "no");
        return r.out().strip().equals("yes");
    }

    static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", "json"));
        try {
            return Yaml.JSON.readTree(k(all.toArray(String[]::new)).orFail());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** kubectl's wait on the CRD's Established condition (this test drives the cluster through kubectl only). */
    private static void awaitCrdEstablished() {
        // Right after the apply the CRD may have no conditions yet, which kubectl wait reports as an error (".status
        // .conditions accessor error"): ask again. The larger the CRD's CEL rules, the longer the apiserver takes.
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> k("wait", "--for=condition=Established", CRD, "--timeout=60s").ok());
    }

    static Proc.Result k(String... args) {
        return kIn(null, args);
    }

    static Proc.Result kIn(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(kubectl.toString());
        command.addAll(List.of(args));
        return Proc.run(command, env, stdin, Duration.ofMinutes(2));
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
