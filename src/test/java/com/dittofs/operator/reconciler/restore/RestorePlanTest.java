package com.dittofs.operator.reconciler.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.SnapshotReference;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreSpec;

class RestorePlanTest {

    static SnapshotRestoreSpec spec(String share, boolean allowNonDurable, boolean acknowledgeAllShares) {
        SnapshotRestoreSpec spec = new SnapshotRestoreSpec();
        spec.setServer("files");
        spec.setShare(share);
        SnapshotReference ref = new SnapshotReference();
        ref.setId("snap-1");
        spec.setSnapshot(ref);
        spec.setAllowNonDurable(allowNonDurable);
        spec.setAcknowledgeAllShares(acknowledgeAllShares);
        return spec;
    }

    @Test
    void aLoneLocalShareNeedsAllowNonDurable() {
        FakeRestoreDfs dfs = new FakeRestoreDfs().share("/export", "meta", null, true);
        var refused = RestorePlan.decide(spec("/export", false, false), dfs.shares());
        assertThat(refused.refused()).isTrue();
        assertThat(refused.reason()).isEqualTo(ConditionTypes.REASON_NOT_DURABLE);
        assertThat(refused.message()).contains("/export").contains("spec.allowNonDurable: true");

        var go = RestorePlan.decide(spec("/export", true, false), dfs.shares());
        assertThat(go.refused()).isFalse();
        assertThat(go.plan()).isEqualTo(new RestorePlan("/export", java.util.List.of("/export"),
                java.util.List.of("/export")));
    }

    @Test
    void aShareWithAnS3StoreIsDurable() {
        FakeRestoreDfs dfs = new FakeRestoreDfs().share("/export", "meta", "s3-id", true);
        assertThat(RestorePlan.decide(spec("/export", false, false), dfs.shares()).refused()).isFalse();
    }

    @Test
    void otherSharesOnTheStoreMustBeAcknowledgedAndAreNamed() {
        FakeRestoreDfs dfs = new FakeRestoreDfs().share("/b", "meta", null, true).share("/a", "meta", null, false)
                .share("/elsewhere", "other", null, true);
        var refused = RestorePlan.decide(spec("/b", true, false), dfs.shares());
        assertThat(refused.reason()).isEqualTo(ConditionTypes.REASON_ALL_SHARES_NOT_ACKNOWLEDGED);
        assertThat(refused.message()).contains("(/a, /b)").contains("spec.acknowledgeAllShares: true")
                .doesNotContain("/elsewhere");

        var go = RestorePlan.decide(spec("/b", true, true), dfs.shares());
        assertThat(go.plan().affected()).containsExactly("/a", "/b");
        assertThat(go.plan().enabled()).as("only enabled shares are disabled and enabled again")
                .containsExactly("/b");
    }

    @Test
    void aShareDfsDoesNotHaveIsRefused() {
        FakeRestoreDfs dfs = new FakeRestoreDfs().share("/export", "meta", null, true);
        var refused = RestorePlan.decide(spec("/gone", true, true), dfs.shares());
        assertThat(refused.reason()).isEqualTo(ConditionTypes.REASON_SHARE_NOT_FOUND);
        assertThat(refused.message()).isEqualTo("DittoServer files has no share /gone in dfs.");
    }
}
