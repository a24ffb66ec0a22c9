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
                "clusterrole.rbac.authorization.k8s.io/dittofs-operator serverside-applied (server dry run)",
                "clusterrole.rbac.authorization.k8s.io/dittofs-operator-cluster-scoped serverside-applied (server dry run)");
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
        assertThat(canI("patch", "dittoservers.dittofs.dittofs.com", "team-b", SA, "--subresource=status")).isTrue();
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
    void theCommandsHelmInstallPrintsRunAsPasted() {
        // the NOTES `helm install` printed for this release, under helm's heading
        String notes = helm.run("get", "notes", RELEASE, "--namespace", NS).orFail().replaceFirst("^NOTES:\n", "");
        String commands = ChartNotesTest.commands(notes);
        // the real kubectl and a shell, as a user pastes them; two changes so that the script ends: the watch is a
        // plain get, and helm test is not run (no kubelet runs its pod here; ChartLifecycleIT plays one for it)
        String prelude = """
                kubectl() { local a=(); for x in "$@"; do [[ $x == -w ]] || a+=("$x"); done; command kubectl "${a[@]}"; }
                helm() { echo "not run: helm $*"; }
                """;
        Proc.Result r = Proc.run(List.of("bash", "-euo", "pipefail", "-c", prelude + commands), shellEnv(), null,
                Duration.ofMinutes(3));
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.out()).contains("successfully rolled out", "dittoserver.dittofs.dittofs.com/my-dittofs created",
                "not run: helm test " + RELEASE);
        assertThat(json("-n", "team-a", "get", "dittoserver", "my-dittofs").at("/spec/storage/metadataSize").asText())
                .isEqualTo("10Gi");
        k("-n", "team-a", "delete", "dittoserver", "my-dittofs", "--wait=false").orFail();
    }

    @Test
    @Order(5)
    void almExamplesAreValidDittoResources() throws Exception {
        JsonNode examples = Yaml.JSON.readTree(Build.csv(Build.ARTIFACTS.committedBundle())
                .at("/metadata/annotations/alm-examples").asText());
        for (JsonNode example : examples) {
            Proc.Result r = kIn(example.toString(), "-n", "team-a", "apply", "--server-side", "--dry-run=server",
                    "-f", "-");
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    @Order(6)
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
    @Order(7)
    void helmUninstallKeepsTheCrd() {
        helm.run("uninstall", RELEASE, "--namespace", NS, "--wait", "--timeout", "2m").orFail();
        assertThat(k("-n", NS, "get", "deployment", RELEASE).ok()).isFalse();
        assertThat(k("get", "clusterrole", RELEASE).ok()).isFalse();
        assertThat(k("get", "clusterrolebinding", RELEASE + "-cluster-scoped").ok()).isFalse();
        k("get", CRD).orFail();
    }

    @Test
    @Order(8)
    void kubectlInstallFromDeploy() throws java.io.IOException {
        // A fresh install: the CRD Helm kept would need --force-conflicts to change field managers (INSTALL.md).
        // (all of them: deploy/crd.yaml holds every kind, and Helm kept every one)
        for (String name : PackagingArtifacts.CRD_NAMES) {
            k("delete", "customresourcedefinition/" + name, "--wait=true", "--timeout=60s").orFail();
        }
        // the block of INSTALL.md's "1. kubectl", pasted into bash in the checkout
        String install = InstallDocTest.block("## 1. kubectl (plain manifests)");
        Proc.Result pasted = Proc.run(List.of("bash", "-euo", "pipefail", "-c", install), shellEnv(), null,
                Duration.ofMinutes(5));
        assertThat(pasted.ok()).as(pasted.describe()).isTrue();
        assertThat(pasted.out()).contains("condition met", "successfully rolled out");
        for (String binding : List.of(ChartNames.ROLE, ChartNames.CLUSTER_SCOPED_ROLE)) {
            assertThat(json("get", "clusterrolebinding", binding).at("/subjects/0/namespace").asText()).isEqualTo(NS);
        }
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

    @Test
    @Order(9)
    void theBuiltInViewAndEditRolesCoverDittoServers() {
        // INSTALL.md's "Letting people use DittoServers": a RoleBinding to the built-in role, nothing else
        for (String account : List.of("viewer", "editor")) {
            k("-n", "team-a", "create", "serviceaccount", account).orFail();
        }
        k("-n", "team-a", "create", "rolebinding", "viewer-view", "--clusterrole=view",
                "--serviceaccount=team-a:viewer").orFail();
        k("-n", "team-a", "create", "rolebinding", "editor-edit", "--clusterrole=edit",
                "--serviceaccount=team-a:editor").orFail();
        String viewer = "system:serviceaccount:team-a:viewer";
        String editor = "system:serviceaccount:team-a:editor";
        // the controller-manager aggregates the labelled roles into view, edit and admin shortly after they appear
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> canI("list", "dittoservers.dittofs.dittofs.com", "team-a", viewer)
                        && canI("create", "dittoservers.dittofs.dittofs.com", "team-a", editor));
        assertThat(canI("create", "dittoservers.dittofs.dittofs.com", "team-a", viewer)).isFalse();
        // the status is the operator's (RESOURCE/NAME would ask about an object named status: --subresource)
        assertThat(k("auth", "can-i", "patch", "dittoservers.dittofs.dittofs.com", "--subresource=status", "-n",
                "team-a", "--as", editor).out().strip()).isEqualTo("no");
        assertThat(k("auth", "can-i", "patch", "dittoservers.dittofs.dittofs.com", "--subresource=status", "-n",
                "team-a", "--as", SA).out().strip()).isEqualTo("yes");
        assertThat(canI("list", "dittoservers.dittofs.dittofs.com", "team-b", editor)).isFalse();

        String sample = "docs/samples/dittofs_v1alpha1_dittoserver.yaml";
        k("-n", "team-a", "get", "dittoservers", "--as", viewer).orFail();
        Proc.Result refused = k("-n", "team-a", "create", "-f", sample, "--as", viewer);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.err()).contains("forbidden");
        k("-n", "team-a", "create", "-f", sample, "--as", editor).orFail();
        k("-n", "team-a", "get", "dittoserver", "my-dittofs", "--as", viewer).orFail();
    }

    @Test
    @Order(10)
    void aNewDefaultImageInTheCrdLeavesExistingServersAlone() {
        // INSTALL.md and UPGRADES.md: the CRD's default is written into a server when it is created, so a newer
        // default (an upgraded operator's CRD) changes only servers created afterwards
        String path = "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/image/default";
        String shipped = json("get", CRD).at(path).asText();
        assertThat(json("-n", "team-a", "get", "dittoserver", "my-dittofs").at("/spec/image").asText())
                .isEqualTo(shipped);
        String newer = "docker.io/marmos91c/dittofs:v99.0.0";
        k("patch", CRD, "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":\""
                + newer + "\"}]").orFail();
        String later = "apiVersion: dittofs.dittofs.com/v1alpha1\nkind: DittoServer\nmetadata: {name: later}\n"
                + "spec: {storage: {metadataSize: 1Gi, cacheSize: 1Gi}}\n";
        // the apiserver serves the new schema a moment after the update
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> newer.equals(Yaml.JSON.readTree(kIn(later, "-n", "team-a", "create", "--dry-run=server",
                        "-f", "-", "-o", "json").orFail()).at("/spec/image").asText()));
        kIn(later, "-n", "team-a", "create", "-f", "-").orFail();
        assertThat(json("-n", "team-a", "get", "dittoserver", "later").at("/spec/image").asText()).isEqualTo(newer);
        assertThat(json("-n", "team-a", "get", "dittoserver", "my-dittofs").at("/spec/image").asText())
                .isEqualTo(shipped);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The cluster's kubeconfig, and this build's kubectl first on the PATH: a shell as a user has it. */
    static Map<String, String> shellEnv() {
        return Map.of("KUBECONFIG", env.get("KUBECONFIG"), "PATH", kubectl.getParent() + ":"
                + System.getenv("PATH"));
    }

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
        return canI(verb, resource, namespace, SA);
    }

    /** RESOURCE/NAME asks about one object by name (an object named status, say); a subresource needs its flag. */
    static boolean canI(String verb, String resource, String namespace, String user, String... flags) {
        List<String> args = new ArrayList<>(List.of("auth", "can-i", verb, resource, "-n", namespace, "--as", user));
        args.addAll(List.of(flags));
        Proc.Result r = k(args.toArray(String[]::new));
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
