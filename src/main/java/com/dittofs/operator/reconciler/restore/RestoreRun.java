package com.dittofs.operator.reconciler.restore;

import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.RestoreApi;
import com.dittofs.operator.dfsclient.RestoreResult;

/**
 * The calls of one restore: disable the enabled shares of the plan, ask dfs to restore (once), enable again those
 * that were enabled. When dfs gave no answer to the restore it may still be restoring, or roll back at its next
 * start: the shares then stay disabled, and the outcome says so.
 */
final class RestoreRun {

    /** How a restore ended: a reason of the Restored condition, a sentence, and dfs's safety snapshot if any. */
    record Outcome(boolean succeeded, String reason, String message, String safetySnapshotId) {
    }

    private RestoreRun() {
    }

    static Outcome run(RestoreApi dfs, RestorePlan plan, String snapshotId, boolean allowNonDurable) {
        List<String> disabled = new ArrayList<>();
        for (String share : plan.enabled()) {
            try {
                dfs.disableShare(share);
                disabled.add(share);
            } catch (DfsApiException e) {
                return new Outcome(false, ConditionTypes.REASON_RESTORE_FAILED, "Could not disable share " + share
                        + " before the restore, nothing was restored: " + e.getMessage() + "." + enableAgain(dfs,
                        disabled), null);
            }
        }
        RestoreResult result;
        try {
            result = dfs.restore(plan.share(), snapshotId, allowNonDurable);
        } catch (DfsApiException e) {
            if (e.kind() != DfsApiException.Kind.HTTP_STATUS) {
                return new Outcome(false, ConditionTypes.REASON_RESTORE_FAILED, "dfs gave no answer to the restore ("
                        + e.getMessage() + "), so " + String.join(", ", disabled) + " stay disabled: if dfs stopped"
                        + " mid-way it rolls back to its safety snapshot at its next start. Check the files, then run"
                        + " dfsctl share enable.", null);
            }
            return new Outcome(false, reason(e), "dfs refused the restore of snapshot " + snapshotId + ": "
                    + e.getMessage() + "." + enableAgain(dfs, disabled), null);
        }
        String left = enableAgain(dfs, disabled);
        String done = "Restored snapshot " + snapshotId + ", rolling back " + String.join(", ", plan.affected())
                + "; to undo, restore safety snapshot " + result.safetySnapshotId() + ".";
        return left.isEmpty() ? new Outcome(true, ConditionTypes.REASON_RESTORED, done, result.safetySnapshotId())
                : new Outcome(false, ConditionTypes.REASON_RESTORE_FAILED, done + left, result.safetySnapshotId());
    }

    /** Enables the shares again; a sentence naming those that stay disabled, or "". */
    private static String enableAgain(RestoreApi dfs, List<String> shares) {
        List<String> failed = new ArrayList<>();
        for (String share : shares) {
            try {
                dfs.enableShare(share);
            } catch (DfsApiException e) {
                failed.add(share + " (" + e.getMessage() + ")");
            }
        }
        return failed.isEmpty() ? "" : " Could not enable again " + String.join(", ", failed)
                + "; run dfsctl share enable.";
    }

    private static String reason(DfsApiException e) {
        return switch (e.status()) {
            case 404 -> ConditionTypes.REASON_SNAPSHOT_NOT_FOUND;
            case 412 -> ConditionTypes.REASON_NOT_DURABLE;
            default -> ConditionTypes.REASON_RESTORE_FAILED;
        };
    }
}
