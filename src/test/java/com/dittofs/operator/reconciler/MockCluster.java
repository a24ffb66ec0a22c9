package com.dittofs.operator.reconciler;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.config.DataPlaneSettings;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * The fast tier's cluster: the real reconciler and workflow run by plain JOSDK (no Quarkus) against fabric8's
 * Kubernetes mock server in CRUD mode. The status is written as in production, by server-side apply, which
 * {@link ApplyingCrudDispatcher} emulates; dependents are matched without SSA (the mock server does not keep managed
 * fields). No pod ever runs, so a test plays the StatefulSet controller by writing the StatefulSet's status. Each reconcile's result is recorded,
 * so tests can assert the reschedule decisions.
 */
final class MockCluster implements AutoCloseable {

    static final String NAMESPACE = "files";

    /** The reconciler under test, recording what each reconcile returned and failing on demand. */
    static final class RecordingReconciler extends DittoServerReconciler {
        final Map<String, List<Optional<Duration>>> reschedules = new ConcurrentHashMap<>();
        volatile Supplier<RuntimeException> failure;

        @Override
        public UpdateControl<DittoServer> reconcile(DittoServer server,
                io.javaoperatorsdk.operator.api.reconciler.Context<DittoServer> context) {
            Supplier<RuntimeException> fail = failure;
            if (fail != null) {
                throw fail.get();
            }
            UpdateControl<DittoServer> control = super.reconcile(server, context);
            reschedules.computeIfAbsent(server.getMetadata().getName(), n -> new CopyOnWriteArrayList<>())
                    .add(control.getScheduleDelay().map(Duration::ofMillis));
            return control;
        }
    }

    record Settings(boolean enabled, ApiAccess apiAccess, int syncThreads, int suspectSyncThreads)
            implements DataPlaneSettings {
        @Override
        public java.util.Optional<String> caBundle() {
            return java.util.Optional.empty();
        }

        @Override
        public java.time.Duration syncDeadline() {
            return java.time.Duration.ofSeconds(60);
        }

        @Override
        public java.time.Duration retryInitial() {
            return java.time.Duration.ofSeconds(15);
        }

        @Override
        public java.time.Duration retryMax() {
            return java.time.Duration.ofMinutes(5);
        }
    }

    final KubernetesClient client;
    final RecordingReconciler reconciler = new RecordingReconciler();
    private final KubernetesMockServer server;
    private final Operator operator;

    MockCluster(DataPlaneStep dataPlane) {
        var dittoServers = new CustomResourceDefinitionContext.Builder().withGroup("dittofs.dittofs.com")
                .withVersion("v1alpha1").withKind("DittoServer").withPlural("dittoservers").withScope("Namespaced")
                .withStatusSubresource(true).build();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new ApplyingCrudDispatcher(List.of(dittoServers)), false);
        server.init();
        client = server.createClient();
        reconciler.dataPlane = dataPlane;
        reconciler.snapshots = dataPlane.snapshots;
        reconciler.meters = new com.dittofs.operator.metrics.OperatorMeters(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        operator = new Operator(o -> o.withKubernetesClient(client)
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withUseSSAToPatchPrimaryResource(true)
                .withCloseClientOnStop(false)
                .withStopOnInformerErrorDuringStartup(false));
        operator.register(reconciler);
        operator.start();
    }

    /** A data-plane step that manages nothing, as with dittofs.operator.data-plane.enabled=false. */
    static DataPlaneStep dataPlaneOff() {
        DataPlaneStep step = new DataPlaneStep();
        step.settings = new Settings(false, DataPlaneSettings.ApiAccess.SERVICE, 1, 1);
        step.restores = new RestoreHolds();
        step.snapshots = snapshotWatch();
        step.access = new DfsAccess(); // what mutual TLS needs of it: the namespace's CA and client certificate
        step.access.settings = step.settings;
        step.start();
        return step;
    }

    /** The snapshot watch as the operator starts it, with meters of its own; it looks at a dfs once a pass tracks one. */
    static SnapshotWatchRunner snapshotWatch() {
        SnapshotWatchRunner watch = new SnapshotWatchRunner();
        watch.meters = new com.dittofs.operator.metrics.SnapshotMeters(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        watch.start();
        return watch;
    }

    DittoServer get(String name) {
        return client.resources(DittoServer.class).inNamespace(NAMESPACE).withName(name).get();
    }

    Optional<Condition> condition(String name, String type) {
        DittoServer s = get(name);
        if (s == null || s.getStatus() == null || s.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return s.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    List<Event> events(String server) {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> server.equals(e.getInvolvedObject().getName()))
                .toList();
    }

    List<Optional<Duration>> reschedules(String server) {
        return reconciler.reschedules.getOrDefault(server, List.of());
    }

    @Override
    public void close() {
        operator.stop();
        reconciler.snapshots.stop();
        client.close();
        server.destroy();
    }
}
