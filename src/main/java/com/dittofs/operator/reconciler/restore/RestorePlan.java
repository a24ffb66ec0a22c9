package com.dittofs.operator.reconciler.restore;

import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreSpec;
import com.dittofs.operator.dfsclient.Share;

/**
 * What a restore will touch, decided from the spec and the shares dfs reports, before anything changes: dfs resets
 * the whole metadata store of the share, so every share on that store is rolled back.
 *
 * @param share the share named in the spec
 * @param affected every share on its metadata store, the share itself included, sorted
 * @param enabled those of them that are enabled: disabled for the restore, enabled again after it
 */
record RestorePlan(String share, List<String> affected, List<String> enabled) {

    /** Either a plan, or why the restore is refused (a reason of the Restored condition and a sentence). */
    record Decision(RestorePlan plan, String reason, String message) {

        static Decision go(RestorePlan plan) {
            return new Decision(plan, null, null);
        }

        static Decision refuse(String reason, String message) {
            return new Decision(null, reason, message);
        }

        boolean refused() {
            return plan == null;
        }
    }

    static Decision decide(SnapshotRestoreSpec spec, List<Share> shares) {
        String name = spec.getShare();
        Optional<Share> target = shares.stream().filter(s -> name.equals(s.name())).findFirst();
        if (target.isEmpty()) {
            return Decision.refuse(ConditionTypes.REASON_SHARE_NOT_FOUND, "DittoServer " + spec.getServer()
                    + " has no share " + name + " in dfs.");
        }
        if (!remote(target.get()) && !Boolean.TRUE.equals(spec.getAllowNonDurable())) {
            return Decision.refuse(ConditionTypes.REASON_NOT_DURABLE, "Share " + name + " has no S3 store, so its"
                    + " snapshots are not remotely durable; to restore from the server's own volume, create a"
                    + " DittoSnapshotRestore with spec.allowNonDurable: true.");
        }
        List<Share> onStore = shares.stream()
                .filter(s -> s.metadataStoreId() != null && s.metadataStoreId().equals(target.get().metadataStoreId()))
                .sorted(java.util.Comparator.comparing(Share::name)).toList();
        List<String> affected = onStore.stream().map(Share::name).toList();
        if (affected.size() > 1 && !Boolean.TRUE.equals(spec.getAcknowledgeAllShares())) {
            return Decision.refuse(ConditionTypes.REASON_ALL_SHARES_NOT_ACKNOWLEDGED, "Restoring " + name
                    + " rolls back every share on its metadata store (" + String.join(", ", affected)
                    + "); to accept that, create a DittoSnapshotRestore with spec.acknowledgeAllShares: true.");
        }
        return Decision.go(new RestorePlan(name, affected,
                onStore.stream().filter(Share::enabled).map(Share::name).toList()));
    }

    private static boolean remote(Share share) {
        return share.remoteBlockStoreId() != null && !share.remoteBlockStoreId().isBlank();
    }
}
