package com.dittofs.operator.dfsclient;

import java.util.List;
import java.util.Optional;

/** {@link ShareSnapshotApi} over REST, with the retry and session rules of {@link DfsClient}. */
final class ShareSnapshotCalls implements ShareSnapshotApi {

    private final DfsClient client;
    private final DfsShareSnapshotsApi api;

    ShareSnapshotCalls(DfsClient client, DfsShareSnapshotsApi api) {
        this.client = client;
        this.api = api;
    }

    @Override
    public List<Snapshot> snapshots(String share) {
        List<Snapshot> all = client.read(b -> api.list(b, DfsClient.key(share)));
        return all == null ? List.of() : all;
    }

    @Override
    public Optional<Snapshot> findSnapshot(String share, String id) {
        return client.find(b -> api.get(b, DfsClient.key(share), id));
    }

    @Override
    public SnapshotAccepted createSnapshot(String share, SnapshotCreate request) {
        return client.create(b -> api.create(b, DfsClient.key(share), request));
    }

    @Override
    public void deleteSnapshot(String share, String id) {
        client.run(b -> api.delete(b, DfsClient.key(share), id));
    }
}
