package com.dittofs.operator.api.v1alpha1;

/** Coarse lifecycle of a DittoServer, for humans; automation should read the conditions. */
public enum Phase {
    /** Objects are being created or the pod is not ready yet. */
    Pending,
    /** The server pod is ready. */
    Running,
    /** replicas is 0: the server is stopped, its data kept. */
    Stopped,
    /** Something the user must fix, see the Ready condition. */
    Failed,
    /** The DittoServer is being deleted. */
    Deleting
}
