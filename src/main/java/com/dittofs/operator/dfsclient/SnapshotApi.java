package com.dittofs.operator.dfsclient;

import java.util.List;

/**
 * The dfs calls behind the shares' snapshot policies: the seam unit tests put an in-memory dfs behind. Every call
 * fails with {@link DfsApiException}.
 */
public interface SnapshotApi {

    List<SnapshotPolicy> snapshotPolicies();

    /** Upsert: replaces every field; dfs keeps the policy's last run. */
    SnapshotPolicy putSnapshotPolicy(String share, SnapshotPolicyRequest request);

    /** The snapshots the policy took are kept. */
    void deleteSnapshotPolicy(String share);
}
