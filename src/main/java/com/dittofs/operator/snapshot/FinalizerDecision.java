package com.dittofs.operator.snapshot;

import java.time.Duration;
import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.SnapshotDeletionPolicy;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;

/**
 * What deleting a DittoSnapshot does, decided without calling anything: delete the snapshot in dfs, or release the
 * finalizer (saying why in an event), or wait and try again. The finalizer never blocks forever: a server that is
 * gone releases it at once, and a dfs that cannot delete the snapshot releases it once the bounded wait from the
 * deletionTimestamp has passed.
 */
record FinalizerDecision(Action action, String eventType, String eventReason, String message, Duration retryIn) {

    enum Action {
        /** Ask dfs to delete the snapshot. */
        DELETE_IN_DFS,
        /** Remove the finalizer (an event says what was left where, when eventReason is set). */
        RELEASE,
        /** Keep the finalizer and look again after retryIn. */
        RETRY
    }

    /** The longest wait between two attempts at deleting the snapshot. */
    static final Duration RETRY = Duration.ofSeconds(15);

    /** Before anything is asked of dfs: {@code serverExists} is whether the DittoServer of spec.server exists. */
    static FinalizerDecision before(DittoSnapshot snapshot, boolean serverExists) {
        String id = SnapshotNames.id(snapshot);
        String share = snapshot.getSpec().getShare();
        if (snapshot.getSpec().getDeletionPolicy() == SnapshotDeletionPolicy.Retain) {
            return id == null ? release() : release(EventRecorder.NORMAL, EventReasons.SNAPSHOT_RETAINED,
                    "Snapshot " + id + " of " + share + " stays in dfs (deletionPolicy Retain).");
        }
        if (!serverExists) {
            return id == null ? release() : release(EventRecorder.NORMAL, EventReasons.SNAPSHOT_RETAINED,
                    "DittoServer " + snapshot.getSpec().getServer() + " is gone: snapshot " + id + " of " + share
                            + " is left where it was, on the server's volumes if they were kept.");
        }
        return new FinalizerDecision(Action.DELETE_IN_DFS, null, null, null, null);
    }

    /**
     * After dfs could not be asked (not reachable, not ready) or refused: wait and try again, unless the bounded wait
     * from the deletionTimestamp has passed.
     *
     * @param why one sentence: what went wrong
     */
    static FinalizerDecision afterFailure(DittoSnapshot snapshot, String why, Instant now, Duration bound) {
        Instant deleted = deletionTimestamp(snapshot, now);
        Instant giveUp = deleted.plus(bound);
        if (!now.isBefore(giveUp)) {
            String id = SnapshotNames.id(snapshot);
            String what = id == null ? "any snapshot named " + SnapshotNames.dfsName(snapshot) : "snapshot " + id;
            return release(EventRecorder.WARNING, EventReasons.SNAPSHOT_LEFT_BEHIND, "Could not delete " + what
                    + " of " + snapshot.getSpec().getShare() + " in dfs within " + bound.toMinutes() + " min of the"
                    + " deletion (" + why + "); it is left in dfs: remove it with dfsctl share snapshot remove.");
        }
        Duration left = Duration.between(now, giveUp);
        return new FinalizerDecision(Action.RETRY, null, null, why, left.compareTo(RETRY) < 0 ? left : RETRY);
    }

    static FinalizerDecision release() {
        return new FinalizerDecision(Action.RELEASE, null, null, null, null);
    }

    static FinalizerDecision release(String type, String reason, String message) {
        return new FinalizerDecision(Action.RELEASE, type, reason, message, null);
    }

    private static Instant deletionTimestamp(DittoSnapshot snapshot, Instant now) {
        String at = snapshot.getMetadata().getDeletionTimestamp();
        return at == null ? now : Instant.parse(at);
    }
}
