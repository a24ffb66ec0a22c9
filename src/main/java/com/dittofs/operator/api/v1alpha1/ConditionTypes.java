package com.dittofs.operator.api.v1alpha1;

/**
 * Every condition type and condition reason of a DittoServer, a DittoSnapshot and a DittoSnapshotRestore (CamelCase, as Kubernetes API conventions ask): the one
 * place they are defined. Each one is explained in docs/TROUBLESHOOTING.md; a unit test fails when one is not. They are
 * part of the API (what status.conditions of a DittoServer may hold), so they live beside the status types, where both
 * the dependents (DatabaseReadiness) and the reconciler read them without depending on each other.
 */
public final class ConditionTypes {

    public static final String READY = "Ready";
    public static final String AVAILABLE = "Available";
    public static final String CONFIG_READY = "ConfigReady";
    public static final String PROGRESSING = "Progressing";
    /** Only on servers with percona.enabled. */
    public static final String DATABASE_READY = "DatabaseReady";
    /** Whether dfs holds the declared adapters, stores and shares (the operator drives its REST API). */
    public static final String DATA_PLANE_READY = "DataPlaneReady";
    /** Whether every volume claim has the size spec.storage declares. */
    public static final String VOLUMES_RESIZED = "VolumesResized";
    /** Only while spec.controlPlane.tls.mode is Disabled: False, the REST API speaks plain HTTP. */
    public static final String API_ENCRYPTED = "ApiEncrypted";
    public static final String REASON_TLS_DISABLED = "TlsDisabled";
    /** Only while the reconcile annotation says paused. */
    public static final String PAUSED = "Paused";

    // Ready, and the server-side conditions (Available, ConfigReady, Progressing)
    public static final String REASON_SERVER_READY = "ServerReady";
    public static final String REASON_CONFIG_RENDERED = "ConfigRendered";
    /** A referenced Secret or key is missing: ConfigReady, Ready, and DatabaseReady for Percona's user Secret. */
    public static final String REASON_SECRET_MISSING = "SecretMissing";
    public static final String REASON_POD_READY = "PodReady";
    public static final String REASON_POD_NOT_READY = "PodNotReady";
    public static final String REASON_STOPPED = "Stopped";
    public static final String REASON_ROLLING_OUT = "RollingOut";
    public static final String REASON_ROLLOUT_COMPLETE = "RolloutComplete";
    public static final String REASON_RECONCILE_ERROR = "ReconcileError";
    /** The apiserver refused an object derived from the spec (400/422, or an admission denial): no retry loop. */
    public static final String REASON_SPEC_REJECTED = "SpecRejected";
    public static final String REASON_DELETING = "Deleting";

    // Available and Ready (False) while the server pod keeps failing (PodFailures reads its container statuses)
    /** dfs keeps exiting because a data volume is not writable by its UID (storage that ignores fsGroup). */
    public static final String REASON_VOLUME_NOT_WRITABLE = "VolumeNotWritable";
    /** The init container of spec.storage.volumePermissions keeps failing. */
    public static final String REASON_VOLUME_PERMISSIONS_FAILED = "VolumePermissionsFailed";
    /** dfs was killed for exceeding its memory limit, and keeps being restarted. */
    public static final String REASON_OOM_KILLED = "OOMKilled";
    /** dfs keeps exiting for another reason (the message has its exit code and its last error). */
    public static final String REASON_CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
    /** The node cannot pull an image of the pod (ErrImagePull, ImagePullBackOff, InvalidImageName). */
    public static final String REASON_IMAGE_PULL_FAILED = "ImagePullFailed";

    // DatabaseReady (and Ready while the database is not ready)
    public static final String REASON_PERCONA_NOT_INSTALLED = "PerconaNotInstalled";
    public static final String REASON_CLUSTER_CREATING = "ClusterCreating";
    public static final String REASON_CLUSTER_NOT_READY = "ClusterNotReady";
    public static final String REASON_CLUSTER_READY = "ClusterReady";

    // --- DataPlaneReady (and Ready, which is False with DataPlaneNotReady while DataPlaneReady is False) ---
    public static final String REASON_DATA_PLANE_NOT_READY = "DataPlaneNotReady";
    public static final String REASON_CONVERGED = "Converged";
    public static final String REASON_NOT_MANAGED = "NotManaged";
    /** The pod is not ready, or its address unknown, or the first sync is still running. */
    public static final String REASON_WAITING_FOR_SERVER = "WaitingForServer";
    /** No TCP connection to dfs's REST API (refused, unroutable, connect timeout). */
    public static final String REASON_SERVER_UNREACHABLE = "ServerUnreachable";
    /** dfs accepted the connection but did not answer in time, or dropped it. */
    public static final String REASON_SERVER_TIMEOUT = "ServerTimeout";
    /** dfs answered, but so slowly that the sync pass reached its overall deadline and stopped. */
    public static final String REASON_SYNC_DEADLINE_EXCEEDED = "SyncDeadlineExceeded";
    /** dfs answered a call with an error status (the message has the status and dfs's words). */
    public static final String REASON_API_ERROR = "ApiError";
    /** dfs rejected the admin login: the password is not the one dfs was first started with. */
    public static final String REASON_ADMIN_LOGIN_REJECTED = "AdminLoginRejected";
    /** dfs holds something the operator does not change by itself (no such adapter, a share on another store). */
    public static final String REASON_DATA_PLANE_CONFLICT = "DataPlaneConflict";
    /** A declared user's password Secret or key is missing, or the password is not 8 to 72 bytes. */
    public static final String REASON_USER_SECRET_MISSING = "UserSecretMissing";
    /** dfs refused to create or change a declared user (the message names it, with dfs's words). */
    public static final String REASON_USER_REJECTED = "UserRejected";
    /** dfs refused to create, change or delete a declared group. */
    public static final String REASON_GROUP_REJECTED = "GroupRejected";
    /** dfs refused a grant or the NFS export settings of a declared share. */
    public static final String REASON_SHARE_ACCESS_REJECTED = "ShareAccessRejected";
    /** A Secret of spec.identity.ldap (bind password, CA) or its key is missing: dfs keeps its last directory. */
    public static final String REASON_IDENTITY_SECRET_MISSING = "IdentitySecretMissing";
    /** dfs refused spec.identity.ldap, or cannot bind to the directory with it (the message has dfs's words). */
    public static final String REASON_IDENTITY_PROVIDER_REJECTED = "IdentityProviderRejected";
    /** dfs cannot verify the directory's certificate with spec.identity.ldap.caSecretRef (or the public CAs). */
    public static final String REASON_IDENTITY_PROVIDER_NOT_TRUSTED = "IdentityProviderNotTrusted";
    /** The operator refused dfs's certificate (spec.controlPlane.tls): not from the trusted CA, or another name. */
    public static final String REASON_TLS_NOT_TRUSTED = "TlsNotTrusted";

    // --- Ready of a DittoSnapshot (also ServerUnreachable, ServerTimeout, AdminLoginRejected, TlsNotTrusted, ApiError,
    // WaitingForServer of the data plane) ---
    /** The snapshot is ready in dfs. */
    public static final String REASON_SNAPSHOT_READY = "SnapshotReady";
    /** dfs accepted the snapshot and is taking it. */
    public static final String REASON_SNAPSHOT_IN_PROGRESS = "SnapshotInProgress";
    /** No DittoServer of spec.server in the snapshot's namespace. */
    public static final String REASON_SERVER_NOT_FOUND = "ServerNotFound";
    /** The server declares no share spec.share (or declares it absent), or dfs does not have it yet. */
    public static final String REASON_SHARE_NOT_FOUND = "ShareNotFound";
    /** dfs is taking another snapshot of the share, or restoring it: asked again shortly. */
    public static final String REASON_SHARE_BUSY = "ShareBusy";
    /** dfs failed the snapshot or refused it for good, or no longer has it (final: the phase is Failed). */
    public static final String REASON_SNAPSHOT_FAILED = "SnapshotFailed";

    // --- VolumesResized ---
    public static final String REASON_VOLUMES_AT_SIZE = "VolumesAtSize";
    /** A claim was asked to grow; the storage provider has not resized it yet (or it is not bound yet). */
    public static final String REASON_RESIZE_IN_PROGRESS = "ResizeInProgress";
    /** The StorageClass does not allow volume expansion: the apiserver refused to grow a claim. */
    public static final String REASON_EXPANSION_NOT_SUPPORTED = "ExpansionNotSupported";
    /** The apiserver refused to grow a claim for another reason (the message has its words). */
    public static final String REASON_RESIZE_FAILED = "ResizeFailed";

    // --- Paused ---
    /** The annotation dittofs.dittofs.com/reconcile is "paused". */
    public static final String REASON_PAUSED_BY_ANNOTATION = "PausedByAnnotation";

    private ConditionTypes() {
    }

    // --- DittoSnapshotRestore: the condition Restored ---
    public static final String RESTORED = "Restored";
    /** DataPlaneReady of a DittoServer while a DittoSnapshotRestore of it runs: the data-plane sync waits. */
    public static final String REASON_RESTORE_IN_PROGRESS = "RestoreInProgress";
    /** Pending: the DittoServer is missing, not ready, or its REST API not reachable yet. */
    public static final String REASON_SERVER_NOT_READY = "ServerNotReady";
    /** Pending: the DittoSnapshot named in spec.snapshot.dittoSnapshotName is missing or has no snapshot id yet. */
    public static final String REASON_SNAPSHOT_NOT_READY = "SnapshotNotReady";
    // ShareNotFound (REASON_SHARE_NOT_FOUND, above) also ends a restore: spec.share is not a share of the server in dfs.
    /** Failed: other shares share the metadata store and spec.acknowledgeAllShares is not true. */
    public static final String REASON_ALL_SHARES_NOT_ACKNOWLEDGED = "AllSharesNotAcknowledged";
    /** Failed: the snapshot is not remotely durable and spec.allowNonDurable is not true. */
    public static final String REASON_NOT_DURABLE = "NotDurable";
    /** Failed: dfs has no such snapshot of the share, or it is not ready. */
    public static final String REASON_SNAPSHOT_NOT_FOUND = "SnapshotNotFound";
    /** Running: dfs is restoring. */
    public static final String REASON_RESTORING = "Restoring";
    /** Succeeded. */
    public static final String REASON_RESTORED = "Restored";
    /** Failed: dfs refused or failed the restore, or the shares could not be disabled or enabled again. */
    public static final String REASON_RESTORE_FAILED = "RestoreFailed";
    /** Failed: the operator stopped while the restore ran; it never starts a restore twice. */
    public static final String REASON_INTERRUPTED = "Interrupted";
}
