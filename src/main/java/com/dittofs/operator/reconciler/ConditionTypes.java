package com.dittofs.operator.reconciler;

import com.dittofs.operator.dependent.DatabaseReadiness;

/** Condition types and reasons of a DittoServer (CamelCase, as Kubernetes API conventions ask). */
public final class ConditionTypes {

    public static final String READY = "Ready";
    public static final String AVAILABLE = "Available";
    public static final String CONFIG_READY = "ConfigReady";
    public static final String PROGRESSING = "Progressing";
    /** Only on servers with percona.enabled. */
    public static final String DATABASE_READY = "DatabaseReady";
    /** Whether dfs holds the declared adapters, stores and shares (the operator drives its REST API). */
    public static final String DATA_PLANE_READY = "DataPlaneReady";

    public static final String REASON_SERVER_READY = "ServerReady";
    public static final String REASON_CONFIG_RENDERED = "ConfigRendered";
    public static final String REASON_SECRET_MISSING = "SecretMissing";
    public static final String REASON_POD_READY = "PodReady";
    public static final String REASON_POD_NOT_READY = "PodNotReady";
    public static final String REASON_STOPPED = "Stopped";
    public static final String REASON_ROLLING_OUT = "RollingOut";
    public static final String REASON_ROLLOUT_COMPLETE = "RolloutComplete";
    public static final String REASON_WAITING_FOR_CONFIG = "WaitingForConfig";
    public static final String REASON_RECONCILE_ERROR = "ReconcileError";
    public static final String REASON_DELETING = "Deleting";
    public static final String REASON_PERCONA_NOT_INSTALLED = DatabaseReadiness.PERCONA_NOT_INSTALLED;
    public static final String REASON_CLUSTER_CREATING = DatabaseReadiness.CLUSTER_CREATING;
    public static final String REASON_CLUSTER_NOT_READY = DatabaseReadiness.CLUSTER_NOT_READY;
    public static final String REASON_CLUSTER_READY = DatabaseReadiness.CLUSTER_READY;

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
    /** dfs answered a call with an error status (the message has the status and dfs's words). */
    public static final String REASON_API_ERROR = "ApiError";
    /** dfs rejected the admin login: the password is not the one dfs was first started with. */
    public static final String REASON_ADMIN_LOGIN_REJECTED = "AdminLoginRejected";
    /** dfs holds something the operator does not change by itself (no such adapter, a share on another store). */
    public static final String REASON_DATA_PLANE_CONFLICT = "DataPlaneConflict";
    /** Event: the operator changed an adapter, store or share. */
    public static final String EVENT_DATA_PLANE_CHANGED = "DataPlaneChanged";

    private ConditionTypes() {
    }
}
