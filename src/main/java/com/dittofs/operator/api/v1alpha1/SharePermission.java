package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Access a dfs share grants to clients that have no explicit grant (dfs default_permission). */
public enum SharePermission {
    @JsonProperty("none")
    NONE,
    @JsonProperty("read")
    READ,
    @JsonProperty("read-write")
    READ_WRITE;

    /** The value dfs expects. */
    public String wire() {
        return switch (this) {
            case NONE -> "none";
            case READ -> "read";
            case READ_WRITE -> "read-write";
        };
    }
}
