package com.dittofs.operator.api.v1alpha1;

/** Container image pull policy. */
public enum PullPolicy {
    Always, IfNotPresent, Never
}
