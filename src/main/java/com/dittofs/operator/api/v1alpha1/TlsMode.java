package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether dfs's REST API serves HTTPS. */
public enum TlsMode {
    /** HTTPS with a certificate from the operator's CA, a user's Secret or cert-manager. */
    @JsonProperty("Enabled")
    ENABLED,
    /** Plain HTTP: passwords cross the pod network in clear. Only on request; the status says so. */
    @JsonProperty("Disabled")
    DISABLED
}
