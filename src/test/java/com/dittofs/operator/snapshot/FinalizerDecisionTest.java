package com.dittofs.operator.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.SnapshotDeletionPolicy;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import org.junit.jupiter.api.Test;

/** The finalizer deletes in dfs only under Delete, and is never held past its bound. */
class FinalizerDecisionTest {

    private static final Instant DELETED = Instant.parse("2026-12-07T04:00:00Z");
    private static final Duration BOUND = Duration.ofMinutes(10);

    private final FakeShareSnapshots dfs = new FakeShareSnapshots();

    @Test
    void deletePolicyWithItsServerAsksDfs() {
        assertThat(FinalizerDecision.before(Snapshots.of(SnapshotDeletionPolicy.Delete, "snap-1"), true).action())
                .isEqualTo(FinalizerDecision.Action.DELETE_IN_DFS);
    }

    @Test
    void retainReleasesAtOnceAndSaysTheSnapshotStays() {
        FinalizerDecision decision = FinalizerDecision.before(Snapshots.of(SnapshotDeletionPolicy.Retain, "snap-1"),
                true);
        assertThat(decision.action()).isEqualTo(FinalizerDecision.Action.RELEASE);
        assertThat(decision.eventReason()).isEqualTo(EventReasons.SNAPSHOT_RETAINED);
        assertThat(decision.message()).contains("snap-1").contains("Retain");
    }

    @Test
    void aDeletedServerReleasesAtOnceAndSaysWhereTheSnapshotWasLeft() {
        FinalizerDecision decision = FinalizerDecision.before(Snapshots.of(SnapshotDeletionPolicy.Delete, "snap-1"),
                false);
        assertThat(decision.action()).isEqualTo(FinalizerDecision.Action.RELEASE);
        assertThat(decision.eventReason()).isEqualTo(EventReasons.SNAPSHOT_RETAINED);
        assertThat(decision.message()).contains("DittoServer files is gone").contains("snap-1");
    }

    @Test
    void anUnreachableDfsIsRetriedWithinTheBoundThenReleasedWithAWarningNamingTheId() {
        DittoSnapshot snapshot = Snapshots.deletedAt(Snapshots.of(SnapshotDeletionPolicy.Delete, "snap-1"), DELETED);
        dfs.failing = DfsErrors.noResponse(DfsApiException.Kind.CONNECT_FAILED, "connection refused");
        FinalizerDecision early = SnapshotRemoval.removeIn(snapshot, dfs, DELETED.plusSeconds(5), BOUND);
        assertThat(early.action()).isEqualTo(FinalizerDecision.Action.RETRY);
        assertThat(early.retryIn()).isEqualTo(FinalizerDecision.RETRY);
        FinalizerDecision nearTheEnd = SnapshotRemoval.removeIn(snapshot, dfs,
                DELETED.plus(BOUND).minusSeconds(3), BOUND);
        assertThat(nearTheEnd.retryIn()).isEqualTo(Duration.ofSeconds(3));
        FinalizerDecision late = SnapshotRemoval.removeIn(snapshot, dfs, DELETED.plus(BOUND), BOUND);
        assertThat(late.action()).isEqualTo(FinalizerDecision.Action.RELEASE);
        assertThat(late.eventType()).isEqualTo(EventRecorder.WARNING);
        assertThat(late.eventReason()).isEqualTo(EventReasons.SNAPSHOT_LEFT_BEHIND);
        assertThat(late.message()).contains("snap-1").contains("10 min");
    }

    @Test
    void deletePolicyDeletesTheRecordedSnapshot() {
        dfs.byId.put("snap-1", FakeShareSnapshots.snapshot("snap-1", "x", Snapshot.READY, null));
        FinalizerDecision decision = SnapshotRemoval.removeIn(Snapshots.of(SnapshotDeletionPolicy.Delete, "snap-1"),
                dfs, DELETED, BOUND);
        assertThat(dfs.deleted).containsExactly("snap-1");
        assertThat(decision.action()).isEqualTo(FinalizerDecision.Action.RELEASE);
        assertThat(decision.eventReason()).isEqualTo(EventReasons.SNAPSHOT_DELETED);
    }

    @Test
    void anUnrecordedSnapshotIsFoundByNameAndDeletedAndNothingElseIs() {
        dfs.byId.put("other", FakeShareSnapshots.snapshot("other", "by-hand", Snapshot.READY, null));
        dfs.byId.put("mine", FakeShareSnapshots.snapshot("mine", "nightly-" + Snapshots.UID, Snapshot.READY, null));
        SnapshotRemoval.removeIn(Snapshots.of(SnapshotDeletionPolicy.Delete, null), dfs, DELETED, BOUND);
        assertThat(dfs.deleted).containsExactly("mine");
        assertThat(dfs.byId).containsOnlyKeys("other");
    }

    @Test
    void aSnapshotAlreadyGoneReleases() {
        dfs.failing = DfsErrors.problem(404, "snapshot not found");
        assertThat(SnapshotRemoval.removeIn(Snapshots.of(SnapshotDeletionPolicy.Delete, "snap-1"), dfs, DELETED,
                BOUND).action()).isEqualTo(FinalizerDecision.Action.RELEASE);
    }

    @Test
    void aSnapshotStillBeingTakenIsRetried() {
        DittoSnapshot snapshot = Snapshots.deletedAt(Snapshots.of(SnapshotDeletionPolicy.Delete, "snap-1"), DELETED);
        dfs.failing = DfsErrors.problem(409, "snapshot operation is in progress");
        assertThat(SnapshotRemoval.removeIn(snapshot, dfs, DELETED.plusSeconds(1), BOUND).action())
                .isEqualTo(FinalizerDecision.Action.RETRY);
    }
}
