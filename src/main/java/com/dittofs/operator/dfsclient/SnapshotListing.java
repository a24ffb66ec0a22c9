package com.dittofs.operator.dfsclient;

import java.util.List;

/**
 * The read the operator makes of a share's snapshots (for status.shares[].lastSnapshot and the snapshot meters): the
 * seam unit tests put an in-memory dfs behind. Fails with {@link DfsApiException}.
 */
public interface SnapshotListing {

    /** Every snapshot of the share, or an empty list when dfs has no such share. */
    List<SnapshotSummary> snapshotList(String share);
}
