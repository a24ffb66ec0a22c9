package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where dfs keeps its control-plane database (users, groups, stores, shares, adapters). */
public enum DatabaseType {
    @JsonProperty("sqlite")
    SQLITE,
    @JsonProperty("postgres")
    POSTGRES
}
