package com.dittofs.operator.dfsclient;

import java.util.List;

/** {@link SnapshotApi} over REST, with the retry and session rules of {@link DfsClient}. */
final class SnapshotCalls implements SnapshotApi {

    private final DfsClient client;
    private final DfsSnapshotsApi snapshots;

    SnapshotCalls(DfsClient client, DfsSnapshotsApi snapshots) {
        this.client = client;
        this.snapshots = snapshots;
    }

    @Override
    public List<SnapshotPolicy> snapshotPolicies() {
        List<SnapshotPolicy> all = client.read(b -> snapshots.policies(b));
        return all == null ? List.of() : all;
    }

    @Override
    public SnapshotPolicy putSnapshotPolicy(String share, SnapshotPolicyRequest request) {
        return client.read(b -> snapshots.putPolicy(b, DfsClient.key(share), request));
    }

    @Override
    public void deleteSnapshotPolicy(String share) {
        client.run(b -> snapshots.deletePolicy(b, DfsClient.key(share)));
    }
}
