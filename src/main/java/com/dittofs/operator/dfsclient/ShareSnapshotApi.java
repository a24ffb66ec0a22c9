package com.dittofs.operator.dfsclient;

import java.util.List;
import java.util.Optional;

/**
 * The dfs calls behind DittoSnapshots: the seam unit tests put an in-memory dfs behind. Share names with or without
 * the leading slash. Every call fails with {@link DfsApiException}; a create is never retried once sent.
 */
public interface ShareSnapshotApi {

    /** The share's snapshots, without sizes (only a get of one has them). A missing share fails with 404. */
    List<Snapshot> snapshots(String share);

    /** One snapshot with its sizes; empty when dfs has no such snapshot (or share). */
    Optional<Snapshot> findSnapshot(String share, String id);

    /** Starts a snapshot; dfs answers 409 while another one of the share is being taken. */
    SnapshotAccepted createSnapshot(String share, SnapshotCreate request);

    /** Removes a snapshot; dfs answers 409 while it is still being taken or a restore uses it. */
    void deleteSnapshot(String share, String id);
}
