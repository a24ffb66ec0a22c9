package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of a snapshot create; every field is optional (an empty body is accepted). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotCreate(String name) {
}
