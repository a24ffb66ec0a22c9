package com.dittofs.operator.dfsclient;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A dfs group; {@code gid} absent when unset. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DfsGroup(String id, String name, Long gid, List<String> members, String description) {
}
