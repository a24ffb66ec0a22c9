package com.dittofs.operator.api.v1alpha1;

/** What deleting a DittoSnapshot does to the snapshot in dfs (as a VolumeSnapshotContent's deletionPolicy). */
public enum SnapshotDeletionPolicy {
    /** The snapshot is removed from dfs with the resource. */
    Delete,
    /** The snapshot stays in dfs (dfsctl lists and removes it). */
    Retain
}
