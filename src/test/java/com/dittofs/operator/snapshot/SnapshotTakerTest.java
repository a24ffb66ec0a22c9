package com.dittofs.operator.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.SnapshotDeletionPolicy;
import com.dittofs.operator.api.v1alpha1.SnapshotPhase;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
import com.dittofs.operator.dfsclient.Snapshot;
import org.junit.jupiter.api.Test;

/** One snapshot per resource, whatever happens between two passes; each dfs state and failure as a phase. */
class SnapshotTakerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(2);

    private final FakeShareSnapshots dfs = new FakeShareSnapshots();

    /** A pass as the controller makes it, the status it wrote becoming the resource's. */
    private SnapshotTaker.Step pass(DittoSnapshot snapshot) {
        SnapshotTaker.Step step = SnapshotTaker.advance(snapshot, dfs, NOW, POLL);
        snapshot.setStatus(step.status());
        return step;
    }

    @Test
    void theFirstPassAsksOnceAndRecordsTheIdBeforeAnythingElse() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        SnapshotTaker.Step step = pass(snapshot);
        assertThat(dfs.creates).isEqualTo(1);
        assertThat(step.status().getSnapshotId()).isEqualTo("snap-1");
        assertThat(step.status().getPhase()).isEqualTo(SnapshotPhase.Running);
        assertThat(step.status().getSnapshotName()).isEqualTo("nightly-" + Snapshots.UID);
        assertThat(dfs.byId.get("snap-1").name()).isEqualTo("nightly-" + Snapshots.UID);
        assertThat(step.recheck()).isEqualTo(POLL);
    }

    @Test
    void laterPassesPollTheRecordedIdUntilReadyAndNeverAskAgain() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        pass(snapshot);
        assertThat(pass(snapshot).status().getPhase()).isEqualTo(SnapshotPhase.Running);
        dfs.finish("snap-1", Snapshot.READY, null);
        SnapshotTaker.Step ready = pass(snapshot);
        assertThat(dfs.creates).isEqualTo(1);
        assertThat(ready.recheck()).isNull();
        assertThat(ready.status().getPhase()).isEqualTo(SnapshotPhase.Ready);
        assertThat(ready.status().getDurationSeconds()).isEqualTo(0.25);
        assertThat(ready.status().getSizeBytes()).isEqualTo(4096L);
        assertThat(ready.status().getBlockCount()).isEqualTo(12L);
        assertThat(ready.status().getRemoteDurable()).isFalse();
        assertThat(ready.status().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo(ConditionTypes.REASON_SNAPSHOT_READY);
        });
    }

    @Test
    void anIdThatWasNeverRecordedIsFoundByTheResourcesNameInsteadOfAskingTwice() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        SnapshotTaker.advance(snapshot, dfs, NOW, POLL); // the status write is lost (the operator stopped)
        SnapshotTaker.Step again = pass(snapshot);
        assertThat(dfs.creates).isEqualTo(1);
        assertThat(again.status().getSnapshotId()).isEqualTo("snap-1");
    }

    @Test
    void aSnapshotDfsFailedIsFailedWithDfsWords() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        pass(snapshot);
        dfs.finish("snap-1", Snapshot.FAILED, "metadata dump: disk full");
        SnapshotTaker.Step failed = pass(snapshot);
        assertThat(failed.status().getPhase()).isEqualTo(SnapshotPhase.Failed);
        assertThat(failed.status().getConditions().get(0).getReason())
                .isEqualTo(ConditionTypes.REASON_SNAPSHOT_FAILED);
        assertThat(failed.status().getConditions().get(0).getMessage()).contains("disk full");
        assertThat(SnapshotStatuses.terminal(failed.status())).isTrue();
    }

    @Test
    void aSnapshotRemovedByHandWhileRunningIsFailed() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        pass(snapshot);
        dfs.byId.clear();
        assertThat(pass(snapshot).status().getPhase()).isEqualTo(SnapshotPhase.Failed);
        assertThat(dfs.creates).isEqualTo(1);
    }

    @Test
    void anUnreachableServerKeepsItPendingAndNothingIsAsked() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        dfs.failing = DfsErrors.noResponse(DfsApiException.Kind.CONNECT_FAILED, "connection refused");
        SnapshotTaker.Step step = pass(snapshot);
        assertThat(step.status().getPhase()).isEqualTo(SnapshotPhase.Pending);
        assertThat(step.status().getConditions().get(0).getReason())
                .isEqualTo(ConditionTypes.REASON_SERVER_UNREACHABLE);
        assertThat(step.recheck()).isEqualTo(SnapshotTaker.UNREACHABLE_RECHECK);
    }

    @Test
    void aRecordedSnapshotStaysRunningWhileDfsCannotBeReached() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        pass(snapshot);
        dfs.failing = DfsErrors.noResponse(DfsApiException.Kind.TIMED_OUT, "read timed out");
        SnapshotTaker.Step step = pass(snapshot);
        assertThat(step.status().getPhase()).isEqualTo(SnapshotPhase.Running);
        assertThat(step.status().getSnapshotId()).isEqualTo("snap-1");
        assertThat(step.status().getConditions().get(0).getReason()).isEqualTo(ConditionTypes.REASON_SERVER_TIMEOUT);
    }

    @Test
    void aShareDfsDoesNotHaveIsShareNotFoundAndABusyShareIsAskedAgainSoon() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        dfs.failing = DfsErrors.problem(404, "share not found");
        assertThat(pass(snapshot).status().getConditions().get(0).getReason())
                .isEqualTo(ConditionTypes.REASON_SHARE_NOT_FOUND);
        dfs.failing = DfsErrors.problem(409, "snapshot operation is in progress");
        SnapshotTaker.Step busy = pass(snapshot);
        assertThat(busy.status().getPhase()).isEqualTo(SnapshotPhase.Pending);
        assertThat(busy.status().getConditions().get(0).getReason()).isEqualTo(ConditionTypes.REASON_SHARE_BUSY);
        assertThat(busy.recheck()).isEqualTo(SnapshotTaker.BUSY_RECHECK);
    }

    @Test
    void aSnapshotDfsRefusesForGoodIsFailed() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        dfs.failing = DfsErrors.problem(400, "snapshots require an fs-backed local store");
        SnapshotTaker.Step step = pass(snapshot);
        assertThat(step.status().getPhase()).isEqualTo(SnapshotPhase.Failed);
        assertThat(step.recheck()).isNull();
    }

    @Test
    void theReadyConditionKeepsItsTransitionTimeWhileItDoesNotFlip() {
        DittoSnapshot snapshot = Snapshots.of(SnapshotDeletionPolicy.Delete, null);
        pass(snapshot);
        pass(snapshot); // the first poll adds what dfs reports
        String first = snapshot.getStatus().getConditions().get(0).getLastTransitionTime();
        SnapshotTaker.Step later = SnapshotTaker.advance(snapshot, dfs, NOW.plusSeconds(30), POLL);
        assertThat(later.status().getConditions().get(0).getLastTransitionTime()).isEqualTo(first);
        assertThat(SnapshotStatuses.changed(snapshot.getStatus(), later.status())).isFalse();
    }
}
