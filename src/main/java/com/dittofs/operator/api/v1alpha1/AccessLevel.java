package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a share grant allows (dfs permission level). */
public enum AccessLevel {
    @JsonProperty("none")
    NONE,
    @JsonProperty("read")
    READ,
    @JsonProperty("read-write")
    READ_WRITE,
    @JsonProperty("admin")
    ADMIN;

    /** The value dfs expects. */
    public String wire() {
        return switch (this) {
            case NONE -> "none";
            case READ -> "read";
            case READ_WRITE -> "read-write";
            case ADMIN -> "admin";
        };
    }
}
