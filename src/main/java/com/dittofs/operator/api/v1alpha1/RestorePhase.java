package com.dittofs.operator.api.v1alpha1;

/** Where a DittoSnapshotRestore is; Succeeded and Failed are final. */
public enum RestorePhase {
    /** Not started: waiting for the server or the snapshot. */
    Pending,
    /** The operator has asked dfs to restore (shares disabled); never started again. */
    Running,
    /** dfs restored the snapshot and the shares that were enabled are enabled again. */
    Succeeded,
    /** Refused or failed, see the Restored condition; never retried. */
    Failed;

    public boolean terminal() {
        return this == Succeeded || this == Failed;
    }
}
