package com.dittofs.operator.dfsclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@link RestoreApi} over REST: the session and retries of the server's {@link DfsClient}, and a client of its own,
 * with a long read timeout, for the routes of the restore. Close it after the restore.
 */
final class RestoreCalls implements RestoreApi {

    private final DfsClient client;
    private final DfsRestoreApi api;

    RestoreCalls(DfsClient client, DfsRestoreApi api) {
        this.client = client;
        this.api = api;
    }

    @Override
    public List<Share> shares() {
        List<Share> all = client.shares();
        return all == null ? List.of() : all;
    }

    @Override
    public Share disableShare(String share) {
        return client.read(b -> api.disable(b, DfsClient.key(share)));
    }

    @Override
    public Share enableShare(String share) {
        return client.read(b -> api.enable(b, DfsClient.key(share)));
    }

    @Override
    public RestoreResult restore(String share, String snapshotId, boolean allowNonDurable) {
        return client.create(b -> api.restore(b, DfsClient.key(share), snapshotId,
                new RestoreRequest(allowNonDurable)));
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
