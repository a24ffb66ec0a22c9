package com.dittofs.operator.dfsclient;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A share snapshot as dfs reports it. {@code state} is creating, ready or failed; {@code manifestCount} (content
 * blocks referenced, not copied) and {@code dumpBytes} (size of the metadata dump) come only from a GET of one
 * snapshot. {@code name} is free text (the operator writes its marker there).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Snapshot(
        String id,
        String name,
        String share,
        String state,
        @JsonProperty("remote_durable") boolean remoteDurable,
        boolean scheduled,
        @JsonProperty("manifest_count") Long manifestCount,
        @JsonProperty("dump_bytes") Long dumpBytes,
        String error,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static final String CREATING = "creating";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
}
