package com.dittofs.operator.api.v1alpha1;

/** Where external traffic to a NodePort or LoadBalancer Service may be routed. */
public enum ExternalTrafficPolicy {
    Cluster, Local
}
