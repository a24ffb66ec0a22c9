package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of a policy upsert (PUT replaces every field; dfs keeps last_run_at). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotPolicyRequest(
        String interval,
        @JsonProperty("keep_last") Integer keepLast,
        String ttl,
        Boolean enabled,
        @JsonProperty("name_prefix") String namePrefix) {
}
