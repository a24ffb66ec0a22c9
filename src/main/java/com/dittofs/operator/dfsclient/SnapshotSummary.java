package com.dittofs.operator.dfsclient;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A share snapshot as dfs lists it, with what the operator reads of it: {@code state} is creating, ready or failed;
 * {@code scheduled} is true for a snapshot a policy took; {@code createdAt} is when dfs started it (the point in time
 * it holds). dfs lists a share's snapshots newest first.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotSummary(
        String id,
        String name,
        String state,
        boolean scheduled,
        @JsonProperty("created_at") Instant createdAt) {

    public static final String READY = "ready";

    public boolean ready() {
        return READY.equals(state);
    }
}
