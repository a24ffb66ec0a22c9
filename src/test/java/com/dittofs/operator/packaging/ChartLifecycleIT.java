package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The chart's life on a real kube-apiserver (hack/cluster.sh, its own control plane): installed at the previous chart
 * version and upgraded to this one (the operator's pod template changes only as intended, DittoServers survive, the
 * CRD is upgraded); kubectl conventions of the upgraded CRD; {@code helm test} against the real operator process
 * (HookKubelet plays the kubelet for the simulated operator pod and the test pod), passing, then failing once the
 * operator is gone; the PodDisruptionBudget of two replicas. The steps build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartLifecycleIT {

    /**
     * The chart this one upgrades from: the last commit before this chart's log, test and PodDisruptionBudget
     * changes. Move it to the previous release's tag once there are releases (ChartLintTest fails until the packaged
     * chart is that tag's).
     */
    static final String PREVIOUS_CHART_COMMIT = "28434693d56b9f3be3f8aace4fa35a5ab433f9bc";
    static final Duration TIMEOUT = Duration.ofSeconds(240);
    static final Path CLUSTER_DIR = Build.TARGET.resolve("chart-cluster");
    static final String NS = PackagingArtifacts.OPERATOR_NAMESPACE;
    static final String APPS = "apps";
    static final String RELEASE = "dittofs-operator";
    static final String LEVEL_ENV = "QUARKUS_LOG_CATEGORY__COM_DITTOFS__LEVEL";

    static HookKubelet.Kubectl kubectl;
    static Helm helm;
    static Process operator;
    static final Path OPERATOR_LOG = Build.TARGET.resolve("chart-cluster-operator.log");

    @BeforeAll
    static void startCluster() {
        Path binary = Tools.ensure("kubectl");
        Proc.run(List.of("bash", "hack/cluster.sh", "up", CLUSTER_DIR.toString()), Duration.ofMinutes(30)).orFail();
        Map<String, String> env = Map.of("KUBECONFIG", CLUSTER_DIR.resolve("kubeconfig").toString());
        kubectl = new HookKubelet.Kubectl(binary, env);
        helm = new Helm(env);
        kubectl.run("create", "namespace", NS).orFail();
        kubectl.run("label", "namespace", NS, "pod-security.kubernetes.io/enforce=restricted").orFail();
        kubectl.run("create", "namespace", APPS).orFail();
    }

    @AfterAll
    static void stopCluster() {
        HookKubelet.stop(operator);
        Proc.run(List.of("bash", "hack/cluster.sh", "down", CLUSTER_DIR.toString()), Duration.ofMinutes(2));
    }

    @Test
    @Order(1)
    void upgradeFromThePreviousChartChangesThePodTemplateOnlyAsIntended() throws IOException {
        Path previous = previousChart();
        helm.run("install", RELEASE, previous.toString(), "-n", NS, "--wait", "--timeout", "4m").orFail();
        JsonNode before = podTemplate();
        apply(APPS, Files.readString(Build.BASE.resolve("docs/samples/dittofs_v1alpha1_dittoserver.yaml")));
        String server = kubectl.json("-n", APPS, "get", "dittoservers").at("/items/0/metadata/name").asText();

        helm.run("upgrade", RELEASE, Helm.CHART.toString(), "-n", NS, "--wait", "--timeout", "4m").orFail();
        JsonNode after = podTemplate();
        // intended: the operator's log level is now explicit (INFO, as before), and the container has the name it has
        // in deploy/ and the bundle (InstallNamesTest); nothing else
        assertThat(HookKubelet.env(after)).containsEntry(LEVEL_ENV, "INFO");
        assertThat(HookKubelet.env(before)).doesNotContainKey(LEVEL_ENV);
        assertThat(before.at("/spec/containers/0/name").asText()).isEqualTo("operator");
        assertThat(withoutEnv(after, LEVEL_ENV)).isEqualTo(renamed(before, PackagingArtifacts.PACKAGE));

        // the CRD came along (new printer columns, categories); the DittoServer is still there
        JsonNode crd = kubectl.json("get", "crd", PackagingArtifacts.CRD_NAME);
        assertThat(crd.at("/spec/names/categories").toString()).isEqualTo("[\"dittofs-all\",\"storage\"]");
        kubectl.run("-n", APPS, "get", "dittoserver", server).orFail();
        assertThat(kubectl.run("-n", NS, "get", "pdb", RELEASE).ok()).as("one replica: no PodDisruptionBudget")
                .isFalse();
    }

    @Test
    @Order(2)
    void kubectlShowsTheConventionalColumnsAndCategories() {
        assertThat(header(kubectl.run("-n", APPS, "get", "dittoservers").orFail()))
                .containsExactly("NAME", "READY", "PHASE", "REPLICAS", "IMAGE", "VERSION", "AGE");
        assertThat(header(kubectl.run("-n", APPS, "get", "dittoservers", "-o", "wide").orFail()))
                .containsExactly("NAME", "READY", "PHASE", "REPLICAS", "IMAGE", "VERSION", "NFS", "AGE");
        // `kubectl get dittofs` (the Go operator's short name) and the category `storage` list the DittoServers; the
        // category `dittofs-all` every kind (a fresh discovery cache: kubectl keeps the one from before the upgrade,
        // without the categories, for ten minutes)
        String cache = "--cache-dir=" + CLUSTER_DIR.resolve("kubectl-cache-" + System.nanoTime());
        assertThat(kubectl.run(cache, "-n", APPS, "get", "dittofs", "-o", "name").orFail())
                .contains("dittoserver.dittofs.dittofs.com/my-dittofs");
        // the short name with a name finds that one server, and a name it does not know is an error
        assertThat(kubectl.run(cache, "-n", APPS, "get", "dittofs", "my-dittofs", "-o", "name").orFail().strip())
                .isEqualTo("dittoserver.dittofs.dittofs.com/my-dittofs");
        assertThat(header(kubectl.run(cache, "-n", APPS, "get", "ditto", "my-dittofs").orFail()))
                .containsExactly("NAME", "READY", "PHASE", "REPLICAS", "IMAGE", "VERSION", "AGE");
        Proc.Result unknown = kubectl.run(cache, "-n", APPS, "get", "dittofs", "no-such-server");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.err()).contains("not found");
        assertThat(kubectl.run(cache, "-n", APPS, "get", "storage", "-o", "name").orFail())
                .contains("dittoserver.dittofs.dittofs.com/my-dittofs");
        assertThat(kubectl.run(cache, "-n", APPS, "get", "dittofs-all", "-o", "name").orFail())
                .contains("dittoserver.dittofs.dittofs.com/my-dittofs");
        assertThat(kubectl.run(cache, "api-resources", "--categories=dittofs-all", "-o", "name").orFail().strip()
                .lines().sorted().toList()).containsExactly("dittoservers.dittofs.dittofs.com",
                        "dittosnapshotrestores.dittofs.dittofs.com", "dittosnapshots.dittofs.dittofs.com");
    }

    @Test
    @Order(3)
    void helmTestPassesAgainstTheRunningOperator() throws IOException {
        JsonNode pod = operatorPod();
        String token = kubectl.run("-n", NS, "create", "token", RELEASE, "--duration=1h").orFail().strip();
        operator = HookKubelet.runOperator(pod, apiServerUrl(), CLUSTER_DIR.resolve("pki/ca.crt"), token,
                OPERATOR_LOG);
        String ready = "http://" + pod.at("/status/podIP").asText() + ":8080/q/health/ready";
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(operator.isAlive()).as(HookKubelet.read(OPERATOR_LOG)).isTrue();
            return HookKubelet.get(ready);
        });

        Proc.Result result = helmTest();
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.out()).contains(RELEASE + "-test-health", "Succeeded");
    }

    @Test
    @Order(4)
    void helmTestFailsWhenTheOperatorDoesNotAnswer() {
        HookKubelet.stop(operator);
        Proc.Result result = helmTest();
        assertThat(result.ok()).as(result.describe()).isFalse();
        assertThat((result.out() + result.err()).toLowerCase()).contains(RELEASE + "-test-health", "failed");
    }

    @Test
    @Order(5)
    void twoReplicasGetAPodDisruptionBudget() {
        helm.run("upgrade", RELEASE, Helm.CHART.toString(), "-n", NS, "--set", "replicaCount=2", "--wait",
                "--timeout", "4m").orFail();
        // the disruption controller counts the two ready replicas: one may go
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> kubectl.json("-n", NS, "get", "pdb",
                RELEASE).at("/status/disruptionsAllowed").asInt() == 1);
        JsonNode pdb = kubectl.json("-n", NS, "get", "pdb", RELEASE);
        assertThat(pdb.at("/status/expectedPods").asInt()).isEqualTo(2);
        helm.run("upgrade", RELEASE, Helm.CHART.toString(), "-n", NS, "--set", "replicaCount=1").orFail();
        assertThat(kubectl.run("-n", NS, "get", "pdb", RELEASE).ok()).isFalse();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** helm test, while HookKubelet runs the test pod that kwok only marks Running. */
    static Proc.Result helmTest() {
        var test = CompletableFuture.supplyAsync(() -> helm.run("test", RELEASE, "-n", NS, "--timeout", "3m"));
        String name = RELEASE + "-test-health";
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Proc.Result r = kubectl.run("-n", NS, "get", "pod", name, "-o", "json");
            return test.isDone() || r.ok() && "Running".equals(Yaml.JSON.readTree(r.out()).at("/status/phase")
                    .asText());
        });
        if (!test.isDone()) {
            HookKubelet.runWgetHook(kubectl.json("-n", NS, "get", "pod", name), kubectl);
        }
        return test.join();
    }

    /**
     * The chart as it was at {@link #PREVIOUS_CHART_COMMIT}, packaged ({@code helm package}) into the test resources so
     * that a shallow clone runs this test too. Replace it with the previous release's chart once there are releases.
     */
    static Path previousChart() {
        String ref = PREVIOUS_CHART_COMMIT.startsWith("v") ? PREVIOUS_CHART_COMMIT.substring(1)
                : PREVIOUS_CHART_COMMIT.substring(0, 7);
        Path chart = Build.BASE.resolve("src/test/resources/charts/dittofs-operator-" + ref + ".tgz");
        assertThat(chart).as("the packaged previous chart").isRegularFile();
        return chart;
    }

    static JsonNode podTemplate() {
        return kubectl.json("-n", NS, "get", "deployment", RELEASE).at("/spec/template");
    }

    static JsonNode withoutEnv(JsonNode template, String name) {
        ObjectNode copy = template.deepCopy();
        var env = (com.fasterxml.jackson.databind.node.ArrayNode) copy.at("/spec/containers/0/env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (name.equals(env.get(i).path("name").asText())) {
                env.remove(i);
            }
        }
        return copy;
    }

    static JsonNode renamed(JsonNode template, String container) {
        ObjectNode copy = template.deepCopy();
        ((ObjectNode) copy.at("/spec/containers/0")).put("name", container);
        return copy;
    }

    static JsonNode operatorPod() {
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> kubectl.json("-n", NS, "get", "pods",
                "-l", "app.kubernetes.io/name=dittofs-operator", "--field-selector=status.phase=Running")
                .path("items").size() == 1);
        return kubectl.json("-n", NS, "get", "pods", "-l", "app.kubernetes.io/name=dittofs-operator",
                "--field-selector=status.phase=Running").at("/items/0");
    }

    static String apiServerUrl() throws IOException {
        return Files.readAllLines(CLUSTER_DIR.resolve("env")).stream().filter(l -> l.contains("APISERVER_URL="))
                .map(l -> l.substring(l.indexOf('=') + 1)).findFirst().orElseThrow();
    }

    static void apply(String namespace, String yaml) {
        List<String> command = List.of(kubectl.binary().toString(), "-n", namespace, "apply", "-f", "-");
        Proc.run(command, kubectl.env(), yaml, Duration.ofMinutes(2)).orFail();
    }

    static List<String> header(String table) {
        return List.of(table.lines().findFirst().orElse("").trim().split("\\s+"));
    }
}
