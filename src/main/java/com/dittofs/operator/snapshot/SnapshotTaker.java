package com.dittofs.operator.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotStatus;
import com.dittofs.operator.api.v1alpha1.SnapshotPhase;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.ShareSnapshotApi;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.dfsclient.SnapshotAccepted;
import com.dittofs.operator.dfsclient.SnapshotCreate;

/**
 * Takes a DittoSnapshot's one snapshot in dfs and follows it until it is ready or failed. It asks dfs for a snapshot
 * only while the status has no id and dfs has none by the resource's unique name, and returns at once with the new id,
 * so that the id is written before anything else happens: a second snapshot is never taken for one resource.
 */
final class SnapshotTaker {

    /** The next status, and when to look again (null: only on a change of the resource). */
    record Step(DittoSnapshotStatus status, Duration recheck) {
    }

    static final Duration BUSY_RECHECK = Duration.ofSeconds(5);
    static final Duration FAILURE_RECHECK = Duration.ofSeconds(30);
    static final Duration UNREACHABLE_RECHECK = Duration.ofSeconds(15);

    private SnapshotTaker() {
    }

    static Step advance(DittoSnapshot resource, ShareSnapshotApi dfs, Instant now, Duration poll) {
        DittoSnapshotStatus status = SnapshotStatuses.next(resource);
        String share = resource.getSpec().getShare();
        try {
            String id = status.getSnapshotId();
            if (id == null) {
                String name = SnapshotNames.dfsName(resource);
                Optional<Snapshot> asked = dfs.snapshots(share).stream().filter(s -> name.equals(s.name()))
                        .findFirst();
                if (asked.isEmpty()) {
                    SnapshotAccepted accepted = dfs.createSnapshot(share, new SnapshotCreate(name));
                    status.setSnapshotId(accepted.snapshotId());
                    status.setStartedAt(SnapshotProgress.rfc3339(now));
                    return new Step(SnapshotStatuses.set(status, SnapshotPhase.Running,
                            ConditionTypes.REASON_SNAPSHOT_IN_PROGRESS, "dfs is taking snapshot "
                                    + accepted.snapshotId() + " of " + share + ".", now), poll);
                }
                id = asked.get().id();
                status.setSnapshotId(id);
            }
            Optional<Snapshot> found = dfs.findSnapshot(share, id);
            if (found.isEmpty()) {
                return new Step(SnapshotStatuses.set(status, SnapshotPhase.Failed,
                        ConditionTypes.REASON_SNAPSHOT_FAILED, "dfs no longer has snapshot " + id + " of " + share
                                + ": it was removed outside the operator.", now), null);
            }
            SnapshotProgress.record(status, found.get());
            SnapshotProgress.Verdict verdict = SnapshotProgress.verdict(found.get(), share);
            return new Step(SnapshotStatuses.set(status, verdict.phase(), verdict.reason(), verdict.message(), now),
                    verdict.phase() == SnapshotPhase.Running ? poll : null);
        } catch (DfsApiException e) {
            return failed(status, resource, e, now);
        }
    }

    /** A call failed: waiting (Pending, or Running once dfs has the snapshot), or Failed when dfs refused for good. */
    static Step failed(DittoSnapshotStatus status, DittoSnapshot resource, DfsApiException e, Instant now) {
        String share = resource.getSpec().getShare();
        String server = resource.getSpec().getServer();
        SnapshotPhase waiting = status.getSnapshotId() == null ? SnapshotPhase.Pending : SnapshotPhase.Running;
        String words = e.getMessage();
        return switch (e.kind()) {
            case CONNECT_FAILED -> waiting(status, waiting, ConditionTypes.REASON_SERVER_UNREACHABLE,
                    "Cannot connect to the REST API of DittoServer " + server + ": " + words, now);
            case TIMED_OUT, CONNECTION_LOST, DEADLINE_EXCEEDED -> waiting(status, waiting,
                    ConditionTypes.REASON_SERVER_TIMEOUT, "DittoServer " + server + " did not answer in time: "
                            + words, now);
            case TLS_REJECTED -> waiting(status, waiting, ConditionTypes.REASON_TLS_NOT_TRUSTED,
                    "The operator refused the certificate of DittoServer " + server + ": " + words, now);
            case HTTP_STATUS -> httpFailure(status, waiting, resource, e, now);
        };
    }

    private static Step httpFailure(DittoSnapshotStatus status, SnapshotPhase waiting, DittoSnapshot resource,
            DfsApiException e, Instant now) {
        String share = resource.getSpec().getShare();
        String words = e.getMessage();
        if (e.status() == 401) {
            return waiting(status, waiting, ConditionTypes.REASON_ADMIN_LOGIN_REJECTED, "dfs rejected the admin"
                    + " login of DittoServer " + resource.getSpec().getServer() + ": " + words, now);
        }
        if (e.notFound() && e.problem()) {
            return waiting(status, waiting, ConditionTypes.REASON_SHARE_NOT_FOUND, "dfs has no share " + share
                    + " (yet): " + words, now);
        }
        if (e.status() == 409) {
            return new Step(SnapshotStatuses.set(status, waiting, ConditionTypes.REASON_SHARE_BUSY, "dfs is busy with"
                    + " another snapshot or a restore of " + share + "; asking again shortly: " + words, now),
                    BUSY_RECHECK);
        }
        if (status.getSnapshotId() == null && (e.status() == 400 || e.status() == 422)) {
            return new Step(SnapshotStatuses.set(status, SnapshotPhase.Failed, ConditionTypes.REASON_SNAPSHOT_FAILED,
                    "dfs refused to snapshot " + share + ": " + words, now), null);
        }
        return new Step(SnapshotStatuses.set(status, waiting, ConditionTypes.REASON_API_ERROR, "dfs answered an error"
                + " about " + share + ": " + words, now), FAILURE_RECHECK);
    }

    private static Step waiting(DittoSnapshotStatus status, SnapshotPhase phase, String reason, String message,
            Instant now) {
        return new Step(SnapshotStatuses.set(status, phase, reason, message, now), UNREACHABLE_RECHECK);
    }
}
