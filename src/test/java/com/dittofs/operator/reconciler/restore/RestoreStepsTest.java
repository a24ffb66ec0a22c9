package com.dittofs.operator.reconciler.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotRestore;
import com.dittofs.operator.api.v1alpha1.RestorePhase;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreStatus;
import com.dittofs.operator.reconciler.RestoreHolds;
import com.dittofs.operator.testing.FakeClock;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The phase machine: at most one restore per object, Running written before dfs is asked, never re-run. */
class RestoreStepsTest {

    private static final ResourceID SERVER = new ResourceID("files", "ns");
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final RestoreHolds holds = new RestoreHolds();
    private final List<SnapshotRestoreStatus> written = new ArrayList<>();
    private final List<List<String>> dfsCallsAtWrite = new ArrayList<>();
    private final FakeRestoreDfs dfs = new FakeRestoreDfs().share("/export", "meta", null, true);
    private KubernetesClientException writeFailure;
    private int failResultWrites;
    private final RestoreSteps steps = new RestoreSteps(new RestoreStatuses(clock), holds, (restore, status) -> {
        if (writeFailure != null) {
            throw writeFailure;
        }
        if (status.getPhase().terminal() && failResultWrites-- > 0) {
            throw new KubernetesClientException("the apiserver is restarting", 503, null);
        }
        written.add(status);
        dfsCallsAtWrite.add(List.copyOf(dfs.calls));
        clock.advance(Duration.ofSeconds(3)); // the restore, for the duration
        return withStatus(restore, status);
    });

    static DittoSnapshotRestore restore(String name, boolean allowNonDurable, boolean acknowledgeAllShares) {
        DittoSnapshotRestore restore = new DittoSnapshotRestore();
        restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").withGeneration(1L)
                .withResourceVersion("1").build());
        restore.setSpec(RestorePlanTest.spec("/export", allowNonDurable, acknowledgeAllShares));
        return restore;
    }

    static DittoSnapshotRestore withStatus(DittoSnapshotRestore restore, SnapshotRestoreStatus status) {
        DittoSnapshotRestore copy = restore(restore.getMetadata().getName(), restore.getSpec().getAllowNonDurable(),
                restore.getSpec().getAcknowledgeAllShares());
        copy.setStatus(status);
        return copy;
    }

    @Test
    void runningIsRecordedBeforeDfsIsAskedThenTheResult() {
        DittoSnapshotRestore restore = restore("r1", true, false);
        assertThat(RestoreSteps.next(restore, holds, SERVER)).isEqualTo(RestoreSteps.Next.START);

        assertThat(steps.start(restore, SERVER, "snap-1", dfs, Runnable::run)).isTrue();

        assertThat(written).extracting(SnapshotRestoreStatus::getPhase)
                .containsExactly(RestorePhase.Running, RestorePhase.Succeeded);
        assertThat(dfsCallsAtWrite.get(0)).as("nothing changed in dfs before Running was recorded")
                .containsExactly("list");
        assertThat(written.get(0).getStartedAt()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(written.get(0).getRestoredShares()).containsExactly("/export");
        SnapshotRestoreStatus done = written.get(1);
        assertThat(done.getSafetySnapshotId()).isEqualTo("safety-1");
        assertThat(done.getCompletedAt()).isEqualTo("2026-01-01T10:00:03Z");
        assertThat(done.getDurationSeconds()).isEqualTo(3L);
        assertThat(done.getSnapshotId()).isEqualTo("snap-1");
        assertThat(done.getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo(ConditionTypes.RESTORED);
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo(ConditionTypes.REASON_RESTORED);
        });
        assertThat(dfs.closed).isTrue();
        assertThat(holds.holder(SERVER)).isEmpty();
    }

    @Test
    void aFinishedRestoreIsNeverRunAgain() {
        for (RestorePhase phase : List.of(RestorePhase.Succeeded, RestorePhase.Failed)) {
            DittoSnapshotRestore restore = restore("r1", true, false);
            SnapshotRestoreStatus status = new SnapshotRestoreStatus();
            status.setPhase(phase);
            restore.setStatus(status);
            assertThat(RestoreSteps.next(restore, holds, SERVER)).isEqualTo(RestoreSteps.Next.NOTHING);
        }
    }

    /** An operator restart finds Running with no result: the restore is marked Failed, dfs is not called again. */
    @Test
    void runningWithoutAHolderWasInterruptedAndIsMarkedFailed() {
        DittoSnapshotRestore restore = restore("r1", true, false);
        SnapshotRestoreStatus running = new SnapshotRestoreStatus();
        running.setPhase(RestorePhase.Running);
        running.setStartedAt("2026-01-01T09:59:00Z");
        running.setSnapshotId("snap-1");
        restore.setStatus(running);
        assertThat(RestoreSteps.next(restore, holds, SERVER)).isEqualTo(RestoreSteps.Next.MARK_INTERRUPTED);

        steps.markInterrupted(restore);
        SnapshotRestoreStatus failed = written.get(0);
        assertThat(failed.getPhase()).isEqualTo(RestorePhase.Failed);
        assertThat(failed.getDurationSeconds()).isEqualTo(60L);
        assertThat(failed.getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo(ConditionTypes.REASON_INTERRUPTED);
            assertThat(c.getMessage()).contains("does not start it again")
                    .contains("rolls back to its safety snapshot");
        });
        assertThat(dfs.calls).isEmpty();
    }

    @Test
    void whileItRunsTheServerIsHeldAndASecondRestoreOfItWaits() {
        List<Runnable> lane = new ArrayList<>();
        DittoSnapshotRestore first = restore("r1", true, false);
        assertThat(steps.start(first, SERVER, "snap-1", dfs, lane::add)).isTrue();
        assertThat(holds.holder(SERVER)).contains("r1");
        DittoSnapshotRestore running = withStatus(first, written.get(0));
        assertThat(RestoreSteps.next(running, holds, SERVER)).as("the one running here is left to run")
                .isEqualTo(RestoreSteps.Next.NOTHING);

        FakeRestoreDfs second = new FakeRestoreDfs().share("/export", "meta", null, true);
        assertThat(steps.start(restore("r2", true, false), SERVER, "snap-2", second, Runnable::run)).isFalse();
        assertThat(written.get(1).getPhase()).isEqualTo(RestorePhase.Pending);
        assertThat(written.get(1).getConditions().get(0).getMessage()).contains("DittoSnapshotRestore r1 is restoring");
        assertThat(second.calls).containsExactly("list");
        assertThat(second.closed).isTrue();

        lane.forEach(Runnable::run);
        assertThat(holds.holder(SERVER)).isEmpty();
        assertThat(written.get(2).getPhase()).isEqualTo(RestorePhase.Succeeded);
    }

    /** A stale cached copy (the apiserver answers 409 to the Running write) never reaches dfs. */
    @Test
    void aConflictOnTheRunningWriteRestoresNothing() {
        writeFailure = new KubernetesClientException("conflict", 409, null);
        assertThatThrownBy(() -> steps.start(restore("r1", true, false), SERVER, "snap-1", dfs, Runnable::run))
                .isInstanceOf(KubernetesClientException.class);
        assertThat(dfs.calls).containsExactly("list");
        assertThat(dfs.closed).isTrue();
        assertThat(holds.holder(SERVER)).isEmpty();
    }

    /** A result that fails to land once is written again: left Running, it would read as interrupted. */
    @Test
    void theResultIsWrittenAgainWhenTheFirstWriteFails() {
        failResultWrites = 1;
        assertThat(steps.start(restore("r1", true, false), SERVER, "snap-1", dfs, Runnable::run)).isTrue();
        assertThat(written).extracting(SnapshotRestoreStatus::getPhase)
                .containsExactly(RestorePhase.Running, RestorePhase.Succeeded);
        assertThat(dfs.calls).as("dfs is not asked again").containsOnlyOnce("restore /export snap-1 allow_non_durable");
    }

    @Test
    void aRefusalIsFinalAndTouchesNothing() {
        dfs.share("/other", "meta", null, true);
        assertThat(steps.start(restore("r1", true, false), SERVER, "snap-1", dfs, Runnable::run)).isTrue();
        assertThat(written).singleElement().satisfies(s -> {
            assertThat(s.getPhase()).isEqualTo(RestorePhase.Failed);
            assertThat(s.getConditions().get(0).getReason())
                    .isEqualTo(ConditionTypes.REASON_ALL_SHARES_NOT_ACKNOWLEDGED);
            assertThat(s.getStartedAt()).isNull();
        });
        assertThat(dfs.calls).containsExactly("list");
    }

    @Test
    void pendingIsWrittenOnlyWhenItChanges() {
        DittoSnapshotRestore restore = restore("r1", true, false);
        steps.pending(restore, null, ConditionTypes.REASON_SERVER_NOT_READY, "DittoServer files is not ready.");
        steps.pending(withStatus(restore, written.get(0)), null, ConditionTypes.REASON_SERVER_NOT_READY,
                "DittoServer files is not ready.");
        assertThat(written).hasSize(1);
    }
}
