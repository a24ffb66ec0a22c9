package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** dfs log formats. */
public enum LogFormat {
    @JsonProperty("json")
    JSON,
    @JsonProperty("text")
    TEXT
}
