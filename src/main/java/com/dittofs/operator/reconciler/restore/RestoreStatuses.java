package com.dittofs.operator.reconciler.restore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotRestore;
import com.dittofs.operator.api.v1alpha1.RestorePhase;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/** The status of a DittoSnapshotRestore in each phase: pure, on a clock. */
final class RestoreStatuses {

    private final Clock clock;

    RestoreStatuses(Clock clock) {
        this.clock = clock;
    }

    /** Not started, for the reason given; null when the status already says exactly that (nothing to write). */
    SnapshotRestoreStatus pending(DittoSnapshotRestore restore, String snapshotId, String reason, String message) {
        SnapshotRestoreStatus before = restore.getStatus();
        if (before != null && before.getPhase() == RestorePhase.Pending && same(before, reason, message)
                && java.util.Objects.equals(before.getSnapshotId(), snapshotId)) {
            return null;
        }
        SnapshotRestoreStatus status = new SnapshotRestoreStatus();
        status.setPhase(RestorePhase.Pending);
        status.setSnapshotId(snapshotId);
        status.setConditions(List.of(condition(restore, "False", reason, message)));
        return status;
    }

    /** Refused before anything changed: final. */
    SnapshotRestoreStatus refused(DittoSnapshotRestore restore, String snapshotId, String reason, String message) {
        SnapshotRestoreStatus status = new SnapshotRestoreStatus();
        status.setPhase(RestorePhase.Failed);
        status.setSnapshotId(snapshotId);
        status.setCompletedAt(now().toString());
        status.setConditions(List.of(condition(restore, "False", reason, message)));
        return status;
    }

    /** Written, and accepted by the apiserver, before dfs is asked: a restart that finds it never restores again. */
    SnapshotRestoreStatus running(DittoSnapshotRestore restore, String snapshotId, RestorePlan plan) {
        SnapshotRestoreStatus status = new SnapshotRestoreStatus();
        status.setPhase(RestorePhase.Running);
        status.setSnapshotId(snapshotId);
        status.setStartedAt(now().toString());
        status.setRestoredShares(new ArrayList<>(plan.affected()));
        status.setConditions(List.of(condition(restore, "False", ConditionTypes.REASON_RESTORING, "Restoring"
                + " snapshot " + snapshotId + " of " + plan.share() + " with " + String.join(", ", plan.enabled())
                + " disabled; clients cannot use them until it ends.")));
        return status;
    }

    SnapshotRestoreStatus finished(DittoSnapshotRestore restore, SnapshotRestoreStatus running,
            RestoreRun.Outcome outcome) {
        SnapshotRestoreStatus status = ended(running);
        status.setPhase(outcome.succeeded() ? RestorePhase.Succeeded : RestorePhase.Failed);
        status.setSafetySnapshotId(outcome.safetySnapshotId());
        if (outcome.safetySnapshotId() == null) {
            status.setRestoredShares(null);
        }
        status.setConditions(List.of(condition(restore, outcome.succeeded() ? "True" : "False", outcome.reason(),
                outcome.message())));
        return status;
    }

    /** Found Running at the start of a reconcile: the operator stopped during the restore, whose result is unknown. */
    SnapshotRestoreStatus interrupted(DittoSnapshotRestore restore) {
        SnapshotRestoreStatus status = ended(restore.getStatus());
        status.setPhase(RestorePhase.Failed);
        String safety = status.getSafetySnapshotId() == null ? "its safety snapshot (the unnamed snapshot of "
                + restore.getSpec().getShare() + " taken just after startedAt)"
                : "safety snapshot " + status.getSafetySnapshotId();
        status.setConditions(List.of(condition(restore, "False", ConditionTypes.REASON_INTERRUPTED, "The operator"
                + " stopped while the restore ran and does not start it again: if dfs was cut off mid-way it rolls"
                + " back to " + safety + " at its next start. Check the files and enable the shares with dfsctl.")));
        return status;
    }

    private SnapshotRestoreStatus ended(SnapshotRestoreStatus running) {
        SnapshotRestoreStatus status = new SnapshotRestoreStatus();
        status.setSnapshotId(running.getSnapshotId());
        status.setStartedAt(running.getStartedAt());
        status.setRestoredShares(running.getRestoredShares());
        status.setSafetySnapshotId(running.getSafetySnapshotId());
        Instant now = now();
        status.setCompletedAt(now.toString());
        if (running.getStartedAt() != null) {
            status.setDurationSeconds(Math.max(0, Duration.between(Instant.parse(running.getStartedAt()), now)
                    .toSeconds()));
        }
        return status;
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static boolean same(SnapshotRestoreStatus status, String reason, String message) {
        return status.getConditions() != null && status.getConditions().size() == 1
                && reason.equals(status.getConditions().get(0).getReason())
                && message.equals(status.getConditions().get(0).getMessage());
    }

    private Condition condition(DittoSnapshotRestore restore, String value, String reason, String message) {
        return new ConditionBuilder().withType(ConditionTypes.RESTORED).withStatus(value).withReason(reason)
                .withMessage(message).withObservedGeneration(restore.getMetadata().getGeneration())
                .withLastTransitionTime(now().toString()).build();
    }
}
