package com.dittofs.operator.api.v1alpha1;

/** What happens to the server's volume claims when the DittoServer (and so its StatefulSet) is deleted. */
public enum VolumeRetentionPolicy {
    /** The claims, and the data on them, outlive the server. */
    Retain,
    /** The claims are deleted with the server; the StorageClass's reclaimPolicy decides about the volumes. */
    Delete
}
