package com.dittofs.operator.dfsclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Snapshots (through the operator's {@link ShareSnapshotApi}), and restores, policy runs and share enable/disable
 * over {@link DfsSnapshotTestApi}, with the session, retries and error translation of an operator {@link DfsClient}:
 * creates, runs and restores are never retried.
 */
public final class SnapshotTestClient implements AutoCloseable {

    private final DfsClient client;
    private final DfsSnapshotTestApi api;

    private SnapshotTestClient(DfsClient client, DfsSnapshotTestApi api) {
        this.client = client;
        this.api = api;
    }

    public static SnapshotTestClient of(DfsClient client, URI baseUri) {
        return new SnapshotTestClient(client, QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .disableDefaultMapper(true)
                .register(new ProblemMapper())
                .build(DfsSnapshotTestApi.class));
    }

    public List<Snapshot> snapshots(String share) {
        return client.shareSnapshots().snapshots(share);
    }

    public Optional<Snapshot> findSnapshot(String share, String id) {
        return client.shareSnapshots().findSnapshot(share, id);
    }

    public SnapshotAccepted createSnapshot(String share, SnapshotCreate request) {
        return client.shareSnapshots().createSnapshot(share, request);
    }

    public void deleteSnapshot(String share, String id) {
        client.shareSnapshots().deleteSnapshot(share, id);
    }

    /** Synchronous, and cancelled by dfs if the caller goes away: never sent twice for one intent. */
    public RestoreResult restoreSnapshot(String share, String id, RestoreRequest request) {
        return client.create(b -> api.restore(b, DfsClient.key(share), id, request));
    }

    public SnapshotAccepted runSnapshotPolicy(String share) {
        return client.create(b -> api.runPolicy(b, DfsClient.key(share)));
    }

    public Share disableShare(String share) {
        return client.read(b -> api.disable(b, DfsClient.key(share)));
    }

    public Share enableShare(String share) {
        return client.read(b -> api.enable(b, DfsClient.key(share)));
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
