package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of a restore: without allow_non_durable dfs refuses (412) a snapshot that no remote store holds. */
@RegisterForReflection
public record RestoreRequest(@JsonProperty("allow_non_durable") boolean allowNonDurable) {
}
