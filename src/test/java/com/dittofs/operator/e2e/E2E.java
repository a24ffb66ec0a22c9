package com.dittofs.operator.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.contract.DfsProcess;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.quarkus.test.common.QuarkusTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the end-to-end tests: the packaged operator (prod profile, server-side apply) runs against the real
 * control plane as its ServiceAccount; each test class gets its own namespace and acts as a cluster admin.
 */
@Tag("e2e")
@QuarkusTestResource(OperatorUnderTest.class)
@ExtendWith(DumpOnFailure.class)
public abstract class E2E {

    /** Generous: CI machines have two cores and often another build running beside the suite. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(240);
    /** The control plane of the running test class: the shared one, or the fault tests' own (see FaultE2E). */
    protected static ControlPlane cluster;
    protected static KubernetesClient admin;
    protected static String namespace;
    /** The Prometheus endpoint of the operator under test (it listens on a random port). */
    protected static java.net.URL operatorMetrics;

    @io.quarkus.test.common.http.TestHTTPResource("/q/metrics")
    java.net.URL metricsUrl;

    @org.junit.jupiter.api.BeforeEach
    void rememberOperatorMetrics() {
        operatorMetrics = metricsUrl;
    }

    @BeforeAll
    static void createNamespace(TestInfo test) {
        cluster = test.getTestClass().filter(FaultE2E.class::isAssignableFrom).isPresent()
                ? ControlPlane.faults() : ControlPlane.get();
        admin = cluster.admin();
        namespace = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        await().atMost(TIMEOUT).until(() -> admin.serviceAccounts().inNamespace(namespace).withName("default")
                .get() != null);
    }

    /** The real dfs a test runs as its server's pod ({@link #runDfs}); stopped after the test class. */
    protected static DfsProcess dfs;

    /** Runs the real dfs as the pod {@code <server>-0} (the kubelet's part) once the pod has an address. */
    protected static DfsProcess runDfs(String server) {
        awaitPodIp(server + "-0");
        dfs = Kubelet.run(admin, namespace, server + "-0");
        return dfs;
    }

    @AfterAll
    static void stopDfs() {
        if (dfs != null) {
            dfs.close();
            dfs = null;
        }
    }

    @AfterAll
    static void closeClient() {
        if (admin != null) {
            admin.close();
        }
    }

    protected static MixedOperation<DittoServer, KubernetesResourceList<DittoServer>, Resource<DittoServer>> servers() {
        return admin.resources(DittoServer.class);
    }

    /** Applies every object of a sample into the test namespace; returns its DittoServer. */
    protected static DittoServer applySample(String file) {
        DittoServer server = null;
        for (HasMetadata object : Fixtures.sampleObjects(file)) {
            object.getMetadata().setNamespace(namespace);
            HasMetadata applied = admin.resource(object).create();
            if (applied instanceof DittoServer s) {
                server = s;
            }
        }
        return server;
    }

    /** The StatefulSet controller has made the pod and kwok has given it an IP: the harness can play its kubelet. */
    protected static void awaitPodIp(String pod) {
        await().atMost(TIMEOUT).until(() -> {
            var current = admin.pods().inNamespace(namespace).withName(pod).get();
            return current != null && current.getStatus().getPodIP() != null;
        });
    }

    protected static DittoServer create(DittoServer server) {
        server.getMetadata().setNamespace(namespace);
        server.getMetadata().setUid(null);
        server.getMetadata().setGeneration(null);
        return servers().inNamespace(namespace).resource(server).create();
    }

    /** Edits a DittoServer as a user would, retrying when the operator's status write raced the edit (409). */
    protected static void edit(String name, java.util.function.Consumer<DittoServer> change) {
        await().atMost(TIMEOUT).ignoreExceptionsMatching(e -> e instanceof io.fabric8.kubernetes.client
                .KubernetesClientException k && k.getCode() == 409).until(() -> {
                    servers().inNamespace(namespace).withName(name).edit(s -> {
                        change.accept(s);
                        return s;
                    });
                    return true;
                });
    }

    protected static DittoServer get(String name) {
        return servers().inNamespace(namespace).withName(name).get();
    }

    protected static Optional<Condition> condition(String name, String type) {
        DittoServer server = get(name);
        if (server == null || server.getStatus() == null) {
            return Optional.empty();
        }
        return server.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    protected static boolean conditionIs(String name, String type, String status) {
        return condition(name, type).map(c -> status.equals(c.getStatus())).orElse(false);
    }

    protected static void awaitCondition(String name, String type, String status) {
        try {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> conditionIs(name, type, status));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(name + " never had " + type + "=" + status + "; its conditions: "
                    + describeConditions(name), e);
        }
    }

    /** The server's conditions, one per line, for a failure message. */
    protected static String describeConditions(String name) {
        DittoServer server = get(name);
        if (server == null || server.getStatus() == null) {
            return "(no status)";
        }
        return server.getStatus().getConditions().stream()
                .map(c -> "\n  " + c.getType() + "=" + c.getStatus() + " " + c.getReason() + ": " + c.getMessage())
                .collect(java.util.stream.Collectors.joining());
    }

    protected static void awaitReady(String name) {
        awaitCondition(name, "Ready", "True");
    }

    protected static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).sorted().toList();
    }
}
