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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docs/INSTALL.md's install and "Switching install method" blocks, run in bash as they stand, on a real
 * kube-apiserver (hack/cluster.sh, its own control plane): the Helm install into a namespace it labels for the
 * restricted Pod Security level, then Helm → kubectl, then kubectl → Helm. A DittoServer created at the start keeps
 * its uid (the CRD is never deleted), and after each move the new install's operator (the packaged operator, run by
 * HookKubelet for the simulated pod with its ServiceAccount's token and its environment) reconciles it: its
 * status.observedGeneration follows a spec change. The steps build on each other and run in order.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallMoveIT {

    static final Duration TIMEOUT = Duration.ofSeconds(240);
    static final Path CLUSTER_DIR = Build.TARGET.resolve("move-cluster");
    static final Path OPERATOR_LOG = Build.TARGET.resolve("move-cluster-operator.log");
    static final String NS = PackagingArtifacts.OPERATOR_NAMESPACE;
    static final String RELEASE = "dittofs-operator";
    static final String APPS = "apps";
    static final String SERVER = "my-dittofs";
    static final String CRD = "crd/" + PackagingArtifacts.CRD_NAME;
    static final String RELEASE_ANNOTATION = "/metadata/annotations/meta.helm.sh~1release-name";

    static HookKubelet.Kubectl kubectl;
    static Helm helm;
    static Map<String, String> shell;
    static Process operator;
    static String serverUid;

    @BeforeAll
    static void startCluster() {
        Path kubectlBinary = Tools.ensure("kubectl");
        Path helmBinary = Tools.ensure("helm");
        // pod IPs of a range of its own: HookKubelet binds the operator to its pod's IP and port, and other clusters
        // on this machine hand out the default range's first addresses too
        Proc.run(List.of("env", "KWOK_POD_CIDR=127.31.0.1/16", "bash", "hack/cluster.sh", "up",
                CLUSTER_DIR.toString()), Duration.ofMinutes(30)).orFail();
        String kubeconfig = CLUSTER_DIR.resolve("kubeconfig").toString();
        kubectl = new HookKubelet.Kubectl(kubectlBinary, Map.of("KUBECONFIG", kubeconfig));
        helm = new Helm(Map.of("KUBECONFIG", kubeconfig));
        // a user's shell: this build's kubectl and helm first on the PATH
        shell = Map.of("KUBECONFIG", kubeconfig, "PATH", kubectlBinary.getParent() + ":" + helmBinary.getParent()
                + ":" + System.getenv("PATH"));
        kubectl.run("create", "namespace", APPS).orFail();
    }

    @AfterAll
    static void stopCluster() {
        HookKubelet.stop(operator);
        Proc.run(List.of("bash", "hack/cluster.sh", "down", CLUSTER_DIR.toString()), Duration.ofMinutes(2));
    }

    @Test
    @Order(1)
    void helmInstallLabelsTheNamespaceForRestrictedPodSecurity() throws IOException {
        // no registry here: the published chart's line is shown (with this version, as a user fills it in), the
        // checkout's one runs
        String prelude = "helm() { if [[ $3 == oci://* ]]; then echo \"not run: helm $*\"; "
                + "else command helm \"$@\"; fi; }\n";
        String block = InstallDocTest.block("## 2. Helm").replace("<version>", Build.projectVersion());
        Proc.Result r = paste(prelude + block);
        assertThat(r.out()).contains("not run: helm install " + RELEASE + " oci://", "STATUS: deployed");
        assertThat(kubectl.json("get", "namespace", NS).at("/metadata/labels/pod-security.kubernetes.io~1enforce")
                .asText()).isEqualTo("restricted");

        startOperator("app.kubernetes.io/instance=" + RELEASE);
        kubectl.run("-n", APPS, "apply", "-f", "docs/samples/dittofs_v1alpha1_dittoserver.yaml").orFail();
        serverUid = server().at("/metadata/uid").asText();
        awaitReconciled();
    }

    @Test
    @Order(2)
    void helmToKubectlKeepsTheDittoServer() throws IOException {
        HookKubelet.stop(operator);
        paste(InstallDocTest.block("### From Helm to kubectl"));

        assertThat(helm.run("list", "-n", NS, "-q").orFail()).doesNotContain(RELEASE);
        JsonNode crd = kubectl.json("get", CRD);
        assertThat(crd.at(RELEASE_ANNOTATION).isMissingNode()).as("Helm's marks are off the CRD").isTrue();
        assertThat(crd.at("/metadata/labels/app.kubernetes.io~1managed-by").isMissingNode()).isTrue();
        assertThat(kubectl.json("get", "namespace", NS).at("/metadata/labels/pod-security.kubernetes.io~1enforce")
                .asText()).isEqualTo("restricted");
        assertThat(server().at("/metadata/uid").asText()).isEqualTo(serverUid);

        // the pod of deploy/'s Deployment (Quarkus labels it), with deploy/'s ServiceAccount and RBAC
        startOperator("app.kubernetes.io/managed-by=quarkus");
        changeSpecAndAwaitReconciled("DEBUG");
    }

    @Test
    @Order(3)
    void kubectlToHelmTakesTheObjectsOver() throws IOException {
        HookKubelet.stop(operator);
        // without the doc's step 2 Helm refuses the objects of deploy/, as INSTALL.md says, and records no release
        Proc.Result refused = helm.run("install", RELEASE, Helm.CHART.toString(), "--namespace", NS);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.err()).contains("cannot be imported into the current release: invalid ownership metadata",
                "\"app.kubernetes.io/managed-by\"", "\"meta.helm.sh/release-name\"");
        assertThat(helm.run("list", "-a", "-n", NS, "-q").orFail()).doesNotContain(RELEASE);

        paste(InstallDocTest.block("### From kubectl to Helm"));

        assertThat(helm.run("status", RELEASE, "-n", NS).orFail()).contains("STATUS: deployed");
        assertThat(server().at("/metadata/uid").asText()).isEqualTo(serverUid);
        // every object of deploy/ but the Namespace is now the release's, the CRD kept on uninstall like the chart's
        for (JsonNode object : InstallNamesTest.kubectlObjects()) {
            String kind = object.path("kind").asText().toLowerCase();
            JsonNode live = kubectl.json("-n", NS, "get", kind, object.at("/metadata/name").asText());
            assertThat(live.at(RELEASE_ANNOTATION).asText()).as(kind).isEqualTo(RELEASE);
            assertThat(live.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).as(kind).isEqualTo("Helm");
        }
        assertThat(kubectl.json("get", CRD).at("/metadata/annotations/helm.sh~1resource-policy").asText())
                .isEqualTo("keep");

        startOperator("app.kubernetes.io/instance=" + RELEASE);
        changeSpecAndAwaitReconciled("WARN");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A block of INSTALL.md pasted into bash in the checkout; fails the test when a command fails. */
    static Proc.Result paste(String block) {
        Proc.Result r = Proc.run(List.of("bash", "-euo", "pipefail", "-c", block), shell, null, Duration.ofMinutes(5));
        assertThat(r.ok()).as(r.describe()).isTrue();
        return r;
    }

    static JsonNode server() {
        return kubectl.json("-n", APPS, "get", "dittoserver", SERVER);
    }

    static void changeSpecAndAwaitReconciled(String level) {
        long generation = server().at("/metadata/generation").asLong();
        kubectl.run("-n", APPS, "patch", "dittoserver", SERVER, "--type=merge", "-p",
                "{\"spec\":{\"logging\":{\"level\":\"" + level + "\"}}}").orFail();
        assertThat(server().at("/metadata/generation").asLong()).isGreaterThan(generation);
        awaitReconciled();
    }

    /** The operator has written the status of the DittoServer's current generation. */
    static void awaitReconciled() {
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .failFast("the operator exited; its log: " + OPERATOR_LOG, () -> !operator.isAlive())
                .untilAsserted(() -> {
                    JsonNode server = server();
                    assertThat(server.at("/status/observedGeneration").asLong())
                            .isEqualTo(server.at("/metadata/generation").asLong());
                });
    }

    /** Runs the operator of the one live operator pod that {@code selector} selects, as its container would run. */
    static void startOperator(String selector) throws IOException {
        String[] query = {"-n", NS, "get", "pods", "-l", "app.kubernetes.io/name=dittofs-operator," + selector,
            "--field-selector=status.phase=Running"};
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode pods = kubectl.json(query).path("items");
            return pods.size() == 1 && pods.get(0).at("/metadata/deletionTimestamp").isMissingNode()
                    && !pods.get(0).at("/status/podIP").asText().isEmpty();
        });
        JsonNode pod = kubectl.json(query).at("/items/0");
        String account = pod.at("/spec/serviceAccountName").asText();
        String token = kubectl.run("-n", NS, "create", "token", account, "--duration=1h").orFail().strip();
        String apiServer = Files.readAllLines(CLUSTER_DIR.resolve("env")).stream()
                .filter(l -> l.contains("APISERVER_URL=")).map(l -> l.substring(l.indexOf('=') + 1)).findFirst()
                .orElseThrow();
        operator = HookKubelet.runOperator(pod, apiServer, CLUSTER_DIR.resolve("pki/ca.crt"), token, OPERATOR_LOG);
    }
}
