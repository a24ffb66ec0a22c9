package com.dittofs.operator.api.v1alpha1;

/** Kubernetes Service types the -file Service may use. */
public enum ServiceType {
    ClusterIP, NodePort, LoadBalancer
}
