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

    private ConditionTypes() {
    }
}
