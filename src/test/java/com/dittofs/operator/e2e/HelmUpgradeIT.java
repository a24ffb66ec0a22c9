package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.packaging.Helm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Safe upgrades: the operator installed with the Helm chart runs file servers; a {@code helm upgrade} with a changed
 * value rolls the operator's Deployment, and the new operator (the packaged one, as the chart's ServiceAccount with the
 * chart's RBAC and the upgraded Deployment's environment) takes over without touching the running file servers: same
 * pods, same StatefulSet generations, not one write to a StatefulSet or ConfigMap.
 */
@QuarkusIntegrationTest
class HelmUpgradeIT extends FaultE2E {

    static final String RELEASE = "dittofs-operator";
    static final String HELM_NS = "dittofs-helm";
    static final String HELM_USER = "system:serviceaccount:" + HELM_NS + ":" + RELEASE;
    private static final List<String> SERVERS = List.of("kept-a", "kept-b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Helm helm() {
        return new Helm(Map.of("KUBECONFIG", cluster.kubeconfig().toString()));
    }

    private static Deployment deployment() {
        return admin.apps().deployments().inNamespace(HELM_NS).withName(RELEASE).get();
    }

    /** The operator as the chart's Deployment runs it now: its ServiceAccount, namespace and environment. */
    private static Map<String, String> chartConfig() {
        Map<String, String> config = new HashMap<>();
        for (EnvVar env : deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (env.getValue() != null) {
                config.put(env.getName(), env.getValue());
            }
        }
        config.put("KUBERNETES_NAMESPACE", HELM_NS);
        config.put("quarkus.kubernetes-client.namespace", HELM_NS);
        config.put("dittofs.operator.lease-namespace", HELM_NS);
        config.put("quarkus.kubernetes-client.token", admin.serviceAccounts().inNamespace(HELM_NS).withName(RELEASE)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken());
        return config;
    }

    private static Map<String, String> podUids() {
        Map<String, String> uids = new HashMap<>();
        SERVERS.forEach(s -> uids.put(s, admin.pods().inNamespace(namespace).withName(s + "-0").get().getMetadata()
                .getUid()));
        return uids;
    }

    private static Map<String, Long> stsGenerations() {
        Map<String, Long> generations = new HashMap<>();
        SERVERS.forEach(s -> generations.put(s, admin.apps().statefulSets().inNamespace(namespace).withName(s).get()
                .getMetadata().getGeneration()));
        return generations;
    }

    @Test
    void helmUpgradeOfTheOperatorLeavesFileServersRunning() throws IOException {
        helm().run("install", RELEASE, Helm.CHART.toString(), "--namespace", HELM_NS, "--create-namespace",
                "--set", "crds.enabled=false").orFail();
        try (OperatorProcess before = OperatorProcess.of(cluster, "helm-v1");
                OperatorProcess after = OperatorProcess.of(cluster, "helm-v2")) {
            upgrade(before.with(chartConfig()).start().awaitUp(), after);
        }
        helm().run("uninstall", RELEASE, "--namespace", HELM_NS).orFail();
    }

    private static void upgrade(OperatorProcess before, OperatorProcess after) throws IOException {
        SERVERS.forEach(FaultE2E::createServer);
        awaitSettled(SERVERS, System.nanoTime());
        Map<String, String> pods = podUids();
        Map<String, Long> generations = stsGenerations();
        long deploymentGeneration = deployment().getMetadata().getGeneration();

        helm().run("upgrade", RELEASE, Helm.CHART.toString(), "--namespace", HELM_NS, "--set", "crds.enabled=false",
                "--set", "logging.json=false").orFail();
        assertThat(deployment().getMetadata().getGeneration()).as("the upgrade rolls the operator")
                .isGreaterThan(deploymentGeneration);
        assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anyMatch(e -> "LOG_JSON".equals(e.getName()) && "false".equals(e.getValue()));
        // The rolled operator pod: the old process goes, one with the upgraded Deployment's environment comes.
        before.close();
        Instant mark = Instant.now();
        after.with(chartConfig()).start().awaitUp();
        // The new operator has reconciled each server (it writes the status of a new generation).
        SERVERS.forEach(s -> edit(s, d -> d.getSpec().getService().setAnnotations(Map.of("example.com/upgrade", "2"))));
        awaitSettled(SERVERS, System.nanoTime());

        assertThat(podUids()).as("file server pods").isEqualTo(pods);
        assertThat(stsGenerations()).as("StatefulSet generations").isEqualTo(generations);
        assertThat(writesSince(mark)).as("writes of the new operator to what the pods consume").isEmpty();
    }

    /** StatefulSet, ConfigMap and Pod writes by the chart's ServiceAccount in the test namespace since the mark. */
    private static List<String> writesSince(Instant mark) throws IOException {
        return Files.readAllLines(cluster.auditLog()).stream()
                .map(HelmUpgradeIT::parse)
                .filter(e -> e != null && HELM_USER.equals(e.path("user").path("username").asText()))
                .filter(e -> List.of("create", "update", "patch", "delete").contains(e.path("verb").asText()))
                .filter(e -> namespace.equals(e.path("objectRef").path("namespace").asText()))
                .filter(e -> List.of("statefulsets", "configmaps", "pods")
                        .contains(e.path("objectRef").path("resource").asText()))
                .filter(e -> !Instant.parse(e.path("requestReceivedTimestamp").asText()).isBefore(mark))
                .map(e -> e.path("verb").asText() + " " + e.path("objectRef").path("resource").asText() + "/"
                        + e.path("objectRef").path("name").asText())
                .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
