package com.dittofs.operator.dfsclient;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The health probe dfs embeds in adapters, stores and shares (cached by dfs for about 5 s). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusReport(
        String status,
        String message,
        @JsonProperty("checked_at") Instant checkedAt,
        @JsonProperty("latency_ms") Long latencyMs) {
}
