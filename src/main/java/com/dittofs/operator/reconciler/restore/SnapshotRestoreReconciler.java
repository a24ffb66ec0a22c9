package com.dittofs.operator.reconciler.restore;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotRestore;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreStatus;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsEndpoint;
import com.dittofs.operator.reconciler.DfsAccess;
import com.dittofs.operator.reconciler.RestoreHolds;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.quarkiverse.operatorsdk.annotations.RBACRule;

/**
 * Runs each DittoSnapshotRestore at most once: reads the server and the snapshot id, then hands over to
 * {@link RestoreSteps}, which runs the synchronous dfs restore on a thread of its own. Status is written with the
 * object's resourceVersion, so a stale cached copy never starts a restore again nor overwrites a result.
 */
@ControllerConfiguration(name = SnapshotRestoreReconciler.NAME)
// the server it restores, its pod (address, readiness) and the Secrets of its admin password and TLS
@RBACRule(apiGroups = "dittofs.dittofs.com", resources = "dittoservers", verbs = {"get"})
@RBACRule(apiGroups = "dittofs.dittofs.com", resources = "dittosnapshots", verbs = {"get"})
@RBACRule(apiGroups = "", resources = {"pods", "secrets"}, verbs = {"get"})
public class SnapshotRestoreReconciler implements Reconciler<DittoSnapshotRestore> {

    public static final String NAME = "dittosnapshotrestore";
    /** A pending restore (server not ready, snapshot without an id) looks again after this long. */
    static final Duration PENDING_RECHECK = Duration.ofSeconds(15);

    @Inject
    DfsAccess access;

    @Inject
    DfsClientFactory clients;

    @Inject
    RestoreHolds holds;

    /** Restores run here, not on a reconcile thread: one can take up to dfs's restore timeout (30 minutes). */
    private final ExecutorService lane = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dfs-restore");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        lane.shutdownNow(); // a restore cut off here stays Running: the next operator marks it Interrupted
    }

    @Override
    public UpdateControl<DittoSnapshotRestore> reconcile(DittoSnapshotRestore restore,
            Context<DittoSnapshotRestore> context) {
        KubernetesClient client = context.getClient();
        String namespace = restore.getMetadata().getNamespace();
        ResourceID serverId = new ResourceID(restore.getSpec().getServer(), namespace);
        RestoreSteps steps = new RestoreSteps(new RestoreStatuses(Clock.systemUTC()), holds,
                (r, status) -> writeStatus(client, r, status));
        try {
            switch (RestoreSteps.next(restore, holds, serverId)) {
                case NOTHING -> {
                    return UpdateControl.noUpdate();
                }
                case MARK_INTERRUPTED -> {
                    steps.markInterrupted(restore);
                    return UpdateControl.noUpdate();
                }
                default -> {
                    return start(restore, steps, serverId, client) ? UpdateControl.noUpdate()
                            : UpdateControl.<DittoSnapshotRestore>noUpdate().rescheduleAfter(PENDING_RECHECK);
                }
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) { // a stale copy: the next reconcile reads the current one
                return UpdateControl.<DittoSnapshotRestore>noUpdate().rescheduleAfter(Duration.ofSeconds(1));
            }
            throw e;
        }
    }

    /** @return true when done (restored, refused or failed), false while it waits */
    private boolean start(DittoSnapshotRestore restore, RestoreSteps steps, ResourceID serverId,
            KubernetesClient client) {
        SnapshotIds.Lookup snapshot = SnapshotIds.lookup(restore, client);
        if (snapshot.refused()) {
            steps.refuse(restore, null, snapshot.reason(), snapshot.message());
            return true;
        }
        if (snapshot.id() == null) {
            steps.pending(restore, null, snapshot.reason(), snapshot.message());
            return false;
        }
        String serverName = restore.getSpec().getServer();
        DittoServer server = client.resources(DittoServer.class).inNamespace(serverId.getNamespace().orElseThrow())
                .withName(serverName).get();
        Optional<DfsEndpoint> endpoint = server == null ? Optional.empty() : access.endpoint(server, client);
        if (endpoint.isEmpty()) {
            steps.pending(restore, snapshot.id(), ConditionTypes.REASON_SERVER_NOT_READY, server == null
                    ? "DittoServer " + serverName + " does not exist in this namespace."
                    : "DittoServer " + serverName + " is not ready, or the operator does not manage its data plane.");
            return false;
        }
        return steps.start(restore, serverId, snapshot.id(), clients.restoreApi(endpoint.get()), lane);
    }

    /**
     * Replaces the status, locked to the copy's resourceVersion. On a conflict it writes again over the current object
     * only if that is still in the phase the copy was in (e.g. a label was added during a long restore).
     */
    private static DittoSnapshotRestore writeStatus(KubernetesClient client, DittoSnapshotRestore restore,
            SnapshotRestoreStatus status) {
        try {
            return client.resource(withStatus(restore, status)).updateStatus();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            DittoSnapshotRestore current = client.resources(DittoSnapshotRestore.class)
                    .inNamespace(restore.getMetadata().getNamespace()).withName(restore.getMetadata().getName()).get();
            if (current == null || !Objects.equals(phase(current), phase(restore))) {
                throw e;
            }
            return client.resource(withStatus(current, status)).updateStatus();
        }
    }

    private static Object phase(DittoSnapshotRestore restore) {
        return restore.getStatus() == null ? null : restore.getStatus().getPhase();
    }

    private static DittoSnapshotRestore withStatus(DittoSnapshotRestore restore, SnapshotRestoreStatus status) {
        DittoSnapshotRestore copy = new DittoSnapshotRestore();
        copy.setMetadata(new ObjectMetaBuilder().withName(restore.getMetadata().getName())
                .withNamespace(restore.getMetadata().getNamespace())
                .withResourceVersion(restore.getMetadata().getResourceVersion()).build());
        copy.setSpec(restore.getSpec());
        copy.setStatus(status);
        return copy;
    }
}
