package com.dittofs.operator.events;

/**
 * Reasons of the Normal events the operator records on a DittoServer or a DittoSnapshot: the one place they are
 * defined. Warning events carry the reason of the Ready condition instead (see ConditionTypes), one per new problem,
 * except {@link #SNAPSHOT_LEFT_BEHIND}. Each reason is explained
 * in docs/TROUBLESHOOTING.md; a unit test fails when one is not.
 */
public final class EventReasons {

    /** A managed object or a generated Secret was created. */
    public static final String CREATED = "Created";
    /** A PerconaPGCluster was deleted with percona.deleteWithServer. */
    public static final String DELETED = "Deleted";
    /** A PerconaPGCluster is kept but no longer owned by the server. */
    public static final String ORPHANED = "Orphaned";
    /** The pod inputs (config or referenced Secret values) changed: the pod is replaced. */
    public static final String ROLLING_UPDATE = "RollingUpdate";
    /** The operator changed an adapter, store or share in dfs. */
    public static final String DATA_PLANE_CHANGED = "DataPlaneChanged";

    /** A volume claim was asked to grow to the size spec.storage declares. */
    public static final String VOLUME_RESIZE_REQUESTED = "VolumeResizeRequested";
    /** The StatefulSet was re-created with new claim templates (pods orphaned and adopted, not restarted). */
    public static final String STATEFUL_SET_RECREATED = "StatefulSetRecreated";
    /** The reconcile annotation paused the server: the operator changes nothing until it is removed. */
    public static final String PAUSED = "Paused";
    /** The reconcile annotation was removed: the operator converges the server again. */
    public static final String RESUMED = "Resumed";
    /** A server pod that kept failing on an old revision was deleted, so that the new template applies. */
    public static final String REPLACED_STUCK_POD = "ReplacedStuckPod";

    /** Deleting a DittoSnapshot (deletionPolicy Delete) removed its snapshot from dfs. */
    public static final String SNAPSHOT_DELETED = "SnapshotDeleted";
    /** Deleting a DittoSnapshot left its snapshot in dfs: deletionPolicy Retain, or its server is gone. */
    public static final String SNAPSHOT_RETAINED = "SnapshotRetained";
    /** Warning: the snapshot could not be deleted in dfs within the bounded wait; the finalizer was released. */
    public static final String SNAPSHOT_LEFT_BEHIND = "SnapshotLeftBehind";

    private EventReasons() {
    }
}
