package com.dittofs.operator.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.dfsclient.ShareSnapshotApi;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.reconciler.DfsAccess;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Deletes a DittoSnapshot's snapshot in dfs (deletionPolicy Delete), within the bounded wait of its finalizer. */
final class SnapshotRemoval {

    private SnapshotRemoval() {
    }

    static FinalizerDecision remove(DittoSnapshot snapshot, DittoServer server, DfsAccess access,
            KubernetesClient client, Instant now, Duration bound) {
        try {
            Optional<DfsClient> dfs = access.adminClient(server, client);
            if (dfs.isEmpty()) {
                return FinalizerDecision.afterFailure(snapshot, "the pod of DittoServer "
                        + snapshot.getSpec().getServer() + " is not ready", now, bound);
            }
            return removeIn(snapshot, dfs.get().shareSnapshots(), now, bound);
        } catch (DfsTls.UnusableCaException e) {
            return FinalizerDecision.afterFailure(snapshot, e.getMessage(), now, bound);
        } catch (RuntimeException e) {
            // whatever failed (a Secret not readable, a client that could not be built), the bound still holds
            return FinalizerDecision.afterFailure(snapshot, SnapshotStatuses.tidy(String.valueOf(e.getMessage())),
                    now, bound);
        }
    }

    /** The snapshot of the status, or the one dfs has by the resource's name (its id may not have been recorded). */
    static FinalizerDecision removeIn(DittoSnapshot snapshot, ShareSnapshotApi dfs, Instant now, Duration bound) {
        String share = snapshot.getSpec().getShare();
        String id = SnapshotNames.id(snapshot);
        try {
            if (id == null) {
                String name = SnapshotNames.dfsName(snapshot);
                id = dfs.snapshots(share).stream().filter(s -> name.equals(s.name())).map(Snapshot::id)
                        .findFirst().orElse(null);
                if (id == null) {
                    return FinalizerDecision.release(); // dfs was never asked, or the snapshot is gone already
                }
            }
            dfs.deleteSnapshot(share, id);
            return FinalizerDecision.release(EventRecorder.NORMAL, EventReasons.SNAPSHOT_DELETED,
                    "Deleted snapshot " + id + " of " + share + " in dfs.");
        } catch (DfsApiException e) {
            if (e.notFound() && e.problem()) {
                return FinalizerDecision.release(EventRecorder.NORMAL, EventReasons.SNAPSHOT_DELETED,
                        "Snapshot " + (id == null ? SnapshotNames.dfsName(snapshot) : id) + " of " + share
                                + " was already gone from dfs.");
            }
            return FinalizerDecision.afterFailure(snapshot, SnapshotStatuses.tidy(e.getMessage()), now, bound);
        }
    }
}
