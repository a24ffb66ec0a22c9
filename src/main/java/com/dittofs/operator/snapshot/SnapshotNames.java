package com.dittofs.operator.snapshot;

import com.dittofs.operator.api.v1alpha1.DittoSnapshot;

/** The name a DittoSnapshot's snapshot carries in dfs, and the id its status recorded. */
final class SnapshotNames {

    /** dfs keeps at most 255 characters of a snapshot's name; the uid (36) must always fit. */
    static final int MAX_RESOURCE_PART = 200;

    private SnapshotNames() {
    }

    /**
     * {@code <metadata.name>-<metadata.uid>}: unique to this resource, so that a snapshot the operator asked for but
     * could not record (it stopped between dfs's answer and the status write) is found again rather than taken twice.
     */
    static String dfsName(DittoSnapshot snapshot) {
        String name = snapshot.getMetadata().getName();
        if (name.length() > MAX_RESOURCE_PART) {
            name = name.substring(0, MAX_RESOURCE_PART);
        }
        return name + "-" + snapshot.getMetadata().getUid();
    }

    /** The dfs id in the status, or null while none was recorded. */
    static String id(DittoSnapshot snapshot) {
        return snapshot.getStatus() == null ? null : snapshot.getStatus().getSnapshotId();
    }
}
