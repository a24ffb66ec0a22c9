package com.dittofs.operator.reconciler.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;

class RestoreRunTest {

    private final FakeRestoreDfs dfs = new FakeRestoreDfs().share("/a", "meta", null, true)
            .share("/b", "meta", null, false);
    private final RestorePlan plan = new RestorePlan("/a", List.of("/a", "/b"), List.of("/a"));

    @Test
    void disablesRestoresOnceAndEnablesOnlyWhatWasEnabled() {
        RestoreRun.Outcome outcome = RestoreRun.run(dfs, plan, "snap-1", true);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.reason()).isEqualTo(ConditionTypes.REASON_RESTORED);
        assertThat(outcome.safetySnapshotId()).isEqualTo("safety-1");
        assertThat(outcome.message()).isEqualTo("Restored snapshot snap-1, rolling back /a, /b; to undo, restore"
                + " safety snapshot safety-1.");
        assertThat(dfs.calls).containsExactly("disable /a", "restore /a snap-1 allow_non_durable", "enable /a");
        assertThat(dfs.enabled("/b")).as("a share disabled before stays disabled").isFalse();
    }

    @Test
    void aRefusalByDfsEnablesTheSharesAgainAndSaysWhy() {
        dfs.restoreFailure = DfsErrors.http(412, "snapshot is not remotely durable");
        RestoreRun.Outcome outcome = RestoreRun.run(dfs, plan, "snap-1", false);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.reason()).isEqualTo(ConditionTypes.REASON_NOT_DURABLE);
        assertThat(outcome.message()).startsWith("dfs refused the restore of snapshot snap-1: HTTP 412");
        assertThat(dfs.enabled("/a")).isTrue();

        dfs.restoreFailure = DfsErrors.http(404, "snapshot not found");
        assertThat(RestoreRun.run(dfs, plan, "snap-1", false).reason())
                .isEqualTo(ConditionTypes.REASON_SNAPSHOT_NOT_FOUND);
    }

    /** dfs may still be restoring, or roll back at its next start: enabling the shares now could serve half a store. */
    @Test
    void noAnswerLeavesTheSharesDisabled() {
        dfs.restoreFailure = DfsErrors.noResponse(DfsApiException.Kind.CONNECTION_LOST, "reset");
        RestoreRun.Outcome outcome = RestoreRun.run(dfs, plan, "snap-1", true);
        assertThat(outcome.reason()).isEqualTo(ConditionTypes.REASON_RESTORE_FAILED);
        assertThat(outcome.message()).contains("/a stay disabled").contains("rolls back to its safety snapshot");
        assertThat(dfs.enabled("/a")).isFalse();
        assertThat(dfs.calls).containsExactly("disable /a", "restore /a snap-1 allow_non_durable");
    }

    @Test
    void aShareThatCannotBeEnabledAgainFailsTheRestoreButKeepsTheSafetySnapshot() {
        dfs.enableFailure = DfsErrors.http(500, "boom");
        RestoreRun.Outcome outcome = RestoreRun.run(dfs, plan, "snap-1", true);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.safetySnapshotId()).isEqualTo("safety-1");
        assertThat(outcome.message()).contains("Could not enable again /a (HTTP 500");
    }
}
