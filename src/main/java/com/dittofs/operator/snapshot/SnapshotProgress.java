package com.dittofs.operator.snapshot;

import java.time.Duration;
import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotStatus;
import com.dittofs.operator.api.v1alpha1.SnapshotPhase;
import com.dittofs.operator.dfsclient.Snapshot;

/** What a snapshot in dfs means for a DittoSnapshot's status: pure, so that each state is unit tested. */
final class SnapshotProgress {

    /** The phase and the Ready condition's reason and message. */
    record Verdict(SnapshotPhase phase, String reason, String message) {
    }

    private SnapshotProgress() {
    }

    /** dfs's state creating, ready or failed as a phase; anything else dfs may add later counts as still running. */
    static Verdict verdict(Snapshot snapshot, String share) {
        return switch (snapshot.state() == null ? "" : snapshot.state()) {
            case Snapshot.READY -> new Verdict(SnapshotPhase.Ready, ConditionTypes.REASON_SNAPSHOT_READY,
                    "Snapshot " + snapshot.id() + " of " + share + " is ready in dfs.");
            case Snapshot.FAILED -> new Verdict(SnapshotPhase.Failed, ConditionTypes.REASON_SNAPSHOT_FAILED,
                    "dfs failed snapshot " + snapshot.id() + " of " + share + ": " + reason(snapshot)
                            + ". Create another DittoSnapshot to try again.");
            default -> new Verdict(SnapshotPhase.Running, ConditionTypes.REASON_SNAPSHOT_IN_PROGRESS,
                    "dfs is taking snapshot " + snapshot.id() + " of " + share + ".");
        };
    }

    /** The snapshot's id, times and sizes as dfs reports them (sizes only come with a get of one snapshot). */
    static void record(DittoSnapshotStatus status, Snapshot snapshot) {
        status.setSnapshotId(snapshot.id());
        status.setRemoteDurable(snapshot.remoteDurable());
        if (snapshot.createdAt() != null) {
            status.setStartedAt(rfc3339(snapshot.createdAt()));
        }
        if (Snapshot.READY.equals(snapshot.state())) {
            if (snapshot.updatedAt() != null) {
                status.setReadyAt(rfc3339(snapshot.updatedAt()));
            }
            status.setDurationSeconds(duration(snapshot.createdAt(), snapshot.updatedAt()));
            status.setSizeBytes(snapshot.dumpBytes());
            status.setBlockCount(snapshot.manifestCount());
        }
    }

    /** Seconds from start to end, to the millisecond; null when either is unknown. */
    static Double duration(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) {
            return null;
        }
        return Duration.between(start, end).toMillis() / 1000.0;
    }

    private static String reason(Snapshot snapshot) {
        String error = snapshot.error() == null ? "" : snapshot.error().strip();
        return error.isEmpty() ? "no reason given" : error;
    }

    static String rfc3339(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }
}
