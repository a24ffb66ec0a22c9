package com.dittofs.operator.api.v1alpha1;

/** Where a DittoSnapshot stands: Pending (not asked of dfs yet), Running (dfs is taking it), Ready or Failed. */
public enum SnapshotPhase {
    Pending,
    Running,
    Ready,
    Failed
}
