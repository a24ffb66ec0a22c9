package com.dittofs.operator.reconciler;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import java.util.concurrent.ExecutorService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.dataplane.DataPlaneReport;
import com.dittofs.operator.dataplane.DataPlaneSync;
import com.dittofs.operator.dataplane.DesiredDataPlane;
import com.dittofs.operator.dataplane.SyncScheduler;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretResolution;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Converges the dfs data plane (adapters, stores, shares) through the server's REST API once its pod is ready, as
 * the admin whose password the operator holds. Failures become the DataPlaneReady condition; the file server is
 * never restarted to fix a data-plane problem.
 *
 * <p>
 * The REST calls never run on a reconcile thread: a reconcile hands the sync to {@link SyncScheduler} (at most one
 * in flight per server, hung servers on a lane of their own) and reports the latest result; the end of a sync
 * triggers the next reconcile through {@link #eventSource()}, which publishes it.
 */
@ApplicationScoped
public class DataPlaneStep {

    /** How the operator reaches a server's REST API. */
    public enum ApiAccess {
        /** {@code http(s)://<name>-api.<namespace>.svc:<port>}: the operator runs in the cluster. */
        SERVICE,
        /** {@code http(s)://<pod IP>:<port>}: the operator runs outside the cluster but can route to pod IPs. */
        POD_IP
    }

    /** Everything a sync depends on: a finished sync is published only if the server still asks for exactly this. */
    private record SyncRequest(URI uri, String password, DfsTls tls, DesiredDataPlane desired, List<String> managed) {
        @Override
        public String toString() {
            return "SyncRequest[" + uri + "]"; // never the password
        }
    }

    @Inject
    DfsClientFactory clients;

    @ConfigProperty(name = "dittofs.operator.data-plane.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "dittofs.operator.data-plane.api-access", defaultValue = "service")
    String access;

    /** PEM file of the CAs that sign dfs certificates whose Secret has no ca.crt (e.g. a mounted ConfigMap). */
    @ConfigProperty(name = "dittofs.operator.data-plane.ca-bundle")
    Optional<String> caBundle;

    /** Threads syncing servers that answer (or have not failed yet). */
    @ConfigProperty(name = "dittofs.operator.data-plane.sync-threads", defaultValue = "4")
    int syncThreads;

    /** Threads syncing servers whose latest sync could not reach dfs or timed out. */
    @ConfigProperty(name = "dittofs.operator.data-plane.suspect-sync-threads", defaultValue = "2")
    int suspectSyncThreads;

    private final DataPlaneEvents events = new DataPlaneEvents(this::forget);
    private ExecutorService mainLane;
    private ExecutorService suspectLane;
    private SyncScheduler<ResourceID, DataPlaneOutcome> syncs;

    @PostConstruct
    void start() {
        mainLane = SyncLanes.lane("dfs-sync", syncThreads);
        suspectLane = SyncLanes.lane("dfs-sync-suspect", suspectSyncThreads);
        syncs = new SyncScheduler<>(mainLane, suspectLane, DataPlaneOutcome::serverSilent,
                e -> DataPlaneOutcomes.crashed(e, null, null), events::propagateEvent);
    }

    @PreDestroy
    void stop() {
        mainLane.shutdownNow();
        suspectLane.shutdownNow();
    }

    /** Announces finished syncs to the controller; register it with the reconciler's event sources. */
    DataPlaneEvents eventSource() {
        return events;
    }

    DataPlaneOutcome run(DittoServer server, PodInputs inputs, boolean podReady, KubernetesClient client) {
        List<String> managed = previouslyManaged(server);
        if (!enabled) {
            return new DataPlaneOutcome(true, ConditionTypes.REASON_NOT_MANAGED,
                    "The operator does not manage adapters, stores and shares (dittofs.operator.data-plane.enabled"
                            + " is false)", null, managed);
        }
        if (!podReady || !inputs.secrets().complete()) {
            return DataPlaneOutcomes.waiting(server, managed, "Waiting for the server pod to become ready");
        }
        Optional<URI> uri = apiUri(server, client);
        if (uri.isEmpty()) {
            return DataPlaneOutcomes.waiting(server, managed, "Waiting for the server pod's address");
        }
        String password = value(inputs.secrets(), PodEnvironment.ADMIN_PASSWORD_ENV).orElseThrow();
        Optional<DesiredDataPlane.S3Credentials> s3 = value(inputs.secrets(), "AWS_ACCESS_KEY_ID")
                .map(id -> new DesiredDataPlane.S3Credentials(id,
                        value(inputs.secrets(), "AWS_SECRET_ACCESS_KEY").orElse(""),
                        value(inputs.secrets(), "AWS_ENDPOINT_URL").orElse(null)));
        SyncRequest request = new SyncRequest(uri.get(), password, tls(server, inputs.secrets()),
                DesiredDataPlane.from(server.getSpec(), s3), managed);
        List<ShareStatus> sharesBefore = DataPlaneOutcomes.currentShares(server);
        var poll = syncs.poll(ResourceID.fromResource(server), request,
                () -> sync(request, sharesBefore, server, client));
        return poll.fresh().or(poll::latest).orElseGet(() -> DataPlaneOutcomes.asBefore(server, managed));
    }

    /** Runs on a sync lane. The client's per-call timeouts bound how long a hung dfs holds the lane's thread. */
    private DataPlaneOutcome sync(SyncRequest request, List<ShareStatus> sharesBefore, DittoServer server,
            KubernetesClient client) {
        try {
            DataPlaneReport report = DataPlaneSync.converge(
                    clients.client(request.uri(), request.password(), request.tls()), request.desired(),
                    request.managed());
            // recorded here, so no change goes unannounced even when a newer request supersedes this result
            report.changes().forEach(change -> EventRecorder.normal(client, server,
                    EventReasons.DATA_PLANE_CHANGED, change));
            return DataPlaneOutcomes.of(report, sharesBefore);
        } catch (DfsTls.UnusableCaException e) {
            return new DataPlaneOutcome(false, ConditionTypes.REASON_TLS_NOT_TRUSTED, e.getMessage(), sharesBefore,
                    request.managed());
        } catch (RuntimeException e) {
            return DataPlaneOutcomes.crashed(e, sharesBefore, request.managed());
        }
    }

    private void forget(ResourceID server) {
        syncs.forget(server);
    }

    private static List<String> previouslyManaged(DittoServer server) {
        return server.getStatus() == null || server.getStatus().getManagedShares() == null
                ? List.of() : server.getStatus().getManagedShares();
    }

    private Optional<URI> apiUri(DittoServer server, KubernetesClient client) {
        int port = server.getSpec().getControlPlane().getPort();
        String namespace = server.getMetadata().getNamespace();
        String scheme = ControlPlaneTlsSpec.enabledIn(server.getSpec()) ? "https://" : "http://";
        if (ApiAccess.valueOf(access.toUpperCase(java.util.Locale.ROOT).replace('-', '_')) == ApiAccess.SERVICE) {
            return Optional.of(URI.create(scheme + Names.apiServiceHost(server) + ":" + port));
        }
        Pod pod = client.pods().inNamespace(namespace).withName(Names.statefulSet(server) + "-0").get();
        return Optional.ofNullable(pod).map(p -> p.getStatus().getPodIP())
                .map(ip -> URI.create(scheme + ip + ":" + port));
    }

    /**
     * With TLS, the CA to verify dfs with: the certificate Secret's ca.crt, else the operator's CA bundle, else the
     * JVM's public CAs; the name to verify is always the -api Service's, whatever address the operator connects to.
     */
    private DfsTls tls(DittoServer server, SecretResolution secrets) {
        if (!ControlPlaneTlsSpec.enabledIn(server.getSpec())) {
            return null;
        }
        String ca = secrets.resolved().stream()
                .filter(r -> r.binding().mounted() && Names.TLS_CA_KEY.equals(r.key()))
                .map(r -> new String(Base64.getDecoder().decode(r.value()), StandardCharsets.UTF_8))
                .findFirst()
                .orElseGet(() -> caBundle.map(DataPlaneStep::read).orElse(null));
        return new DfsTls(ca, Names.apiServiceHost(server));
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file), StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read dittofs.operator.data-plane.ca-bundle " + file, e);
        }
    }

    /** The plain value behind a Secret-fed variable of the pod. */
    private static Optional<String> value(SecretResolution secrets, String env) {
        return secrets.resolved().stream()
                .filter(r -> env.equals(r.binding().env()))
                .map(r -> new String(Base64.getDecoder().decode(r.value()), StandardCharsets.UTF_8))
                .findFirst();
    }
}
