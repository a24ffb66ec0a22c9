package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Role of a dfs user: {@code admin} may use the whole REST API, {@code user} only its own account. */
public enum UserRole {
    @JsonProperty("user")
    USER,
    @JsonProperty("admin")
    ADMIN;

    /** The value dfs expects. */
    public String wire() {
        return this == ADMIN ? "admin" : "user";
    }
}
