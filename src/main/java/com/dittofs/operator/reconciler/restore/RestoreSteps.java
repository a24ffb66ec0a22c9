package com.dittofs.operator.reconciler.restore;

import java.time.Duration;
import java.util.concurrent.Executor;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotRestore;
import com.dittofs.operator.api.v1alpha1.RestorePhase;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreStatus;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.RestoreApi;
import com.dittofs.operator.reconciler.RestoreHolds;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The phase machine of a DittoSnapshotRestore, apart from Kubernetes reads: a final phase is left alone, a Running
 * one found at the start of a reconcile was interrupted, and a start writes Running before dfs is asked, so that a
 * restore runs at most once.
 */
final class RestoreSteps {

    /** Writes the status with the restore's resourceVersion: a stale copy fails instead of overwriting. */
    interface StatusWriter {
        DittoSnapshotRestore write(DittoSnapshotRestore restore, SnapshotRestoreStatus status);
    }

    /** What a reconcile does with the restore as it finds it. */
    enum Next { NOTHING, MARK_INTERRUPTED, START }

    static final int RESULT_WRITE_ATTEMPTS = 5;

    private final RestoreStatuses statuses;
    private final RestoreHolds holds;
    private final StatusWriter writer;

    RestoreSteps(RestoreStatuses statuses, RestoreHolds holds, StatusWriter writer) {
        this.statuses = statuses;
        this.holds = holds;
        this.writer = writer;
    }

    static Next next(DittoSnapshotRestore restore, RestoreHolds holds, ResourceID server) {
        RestorePhase phase = restore.getStatus() == null ? null : restore.getStatus().getPhase();
        if (phase != null && phase.terminal()) {
            return Next.NOTHING;
        }
        if (phase == RestorePhase.Running) {
            // this process runs a restore start to end in one reconcile: Running here means the one that began it died
            return restore.getMetadata().getName().equals(holds.holder(server).orElse(null)) ? Next.NOTHING
                    : Next.MARK_INTERRUPTED;
        }
        return Next.START;
    }

    void markInterrupted(DittoSnapshotRestore restore) {
        writer.write(restore, statuses.interrupted(restore));
    }

    /** Waits (Pending) with a reason; writes only a change. */
    void pending(DittoSnapshotRestore restore, String snapshotId, String reason, String message) {
        SnapshotRestoreStatus status = statuses.pending(restore, snapshotId, reason, message);
        if (status != null) {
            writer.write(restore, status);
        }
    }

    void refuse(DittoSnapshotRestore restore, String snapshotId, String reason, String message) {
        writer.write(restore, statuses.refused(restore, snapshotId, reason, message));
    }

    /**
     * Decides; unless refused, writes Running and hands the restore to {@code lane}, which writes the result. The
     * server's data-plane sync is held from before Running is written until the result is. Closes {@code dfs} when
     * done with it.
     *
     * @return false when it could not start and should be tried again (dfs not answering, another restore running)
     */
    boolean start(DittoSnapshotRestore restore, ResourceID server, String snapshotId, RestoreApi dfs,
            Executor lane) {
        boolean handedOver = false;
        try {
            RestorePlan.Decision decision;
            try {
                decision = RestorePlan.decide(restore.getSpec(), dfs.shares());
            } catch (DfsApiException e) {
                pending(restore, snapshotId, ConditionTypes.REASON_SERVER_NOT_READY, "Cannot list the shares of"
                        + " DittoServer " + restore.getSpec().getServer() + ": " + e.getMessage());
                return false;
            }
            if (decision.refused()) {
                refuse(restore, snapshotId, decision.reason(), decision.message());
                return true;
            }
            String name = restore.getMetadata().getName();
            if (!holds.hold(server, name)) {
                pending(restore, snapshotId, ConditionTypes.REASON_SERVER_NOT_READY, "DittoSnapshotRestore "
                        + holds.holder(server).orElse("?") + " is restoring this server; this one waits for it.");
                return false;
            }
            try {
                SnapshotRestoreStatus running = statuses.running(restore, snapshotId, decision.plan());
                DittoSnapshotRestore started = writer.write(restore, running); // throws (409) if the copy was stale
                lane.execute(() -> restore(restore, started, running, decision.plan(), server, dfs));
                handedOver = true;
            } finally {
                if (!handedOver) {
                    holds.release(server, name);
                }
            }
            return true;
        } finally {
            if (!handedOver) {
                dfs.close();
            }
        }
    }

    /**
     * The result must land: a restore left Running would be taken for an interrupted one by the next reconcile. A
     * failed write (the apiserver restarting) is tried again on the restore's own thread, for about a minute.
     */
    private void writeResult(DittoSnapshotRestore started, SnapshotRestoreStatus result) {
        for (int attempt = 1;; attempt++) {
            try {
                writer.write(started, result);
                return;
            } catch (RuntimeException e) {
                if (attempt >= RESULT_WRITE_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(Duration.ofSeconds(2L << Math.min(attempt, 4)).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** On the restore lane: the dfs calls (up to dfs's restore timeout), then the final status. */
    private void restore(DittoSnapshotRestore restore, DittoSnapshotRestore started, SnapshotRestoreStatus running,
            RestorePlan plan, ResourceID server, RestoreApi dfs) {
        try (dfs) {
            RestoreRun.Outcome outcome = RestoreRun.run(dfs, plan, running.getSnapshotId(),
                    Boolean.TRUE.equals(restore.getSpec().getAllowNonDurable()));
            writeResult(started, statuses.finished(restore, running, outcome));
        } finally {
            holds.release(server, restore.getMetadata().getName());
        }
    }
}
