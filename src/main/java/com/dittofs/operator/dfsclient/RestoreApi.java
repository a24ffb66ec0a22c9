package com.dittofs.operator.dfsclient;

import java.util.List;

/**
 * The dfs calls of a restore: the seam unit tests put an in-memory dfs behind. Every call fails with
 * {@link DfsApiException}.
 */
public interface RestoreApi extends AutoCloseable {

    List<Share> shares();

    Share disableShare(String share);

    Share enableShare(String share);

    /** Sent once, never retried: dfs cancels a restore whose caller goes away. */
    RestoreResult restore(String share, String snapshotId, boolean allowNonDurable);

    /** Releases the connections of the restore's own client. */
    @Override
    default void close() {
    }
}
