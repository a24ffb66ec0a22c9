package com.dittofs.operator.dfsclient;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A share's snapshot schedule as dfs reports it. {@code interval} and {@code ttl} come back as Go durations
 * ("24h0m0s", also for "@daily"); {@code ttl} is absent when there is no age bound.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotPolicy(
        String share,
        boolean enabled,
        String interval,
        @JsonProperty("keep_last") int keepLast,
        String ttl,
        @JsonProperty("name_prefix") String namePrefix,
        @JsonProperty("last_run_at") Instant lastRunAt,
        @JsonProperty("created_at") Instant createdAt) {
}
