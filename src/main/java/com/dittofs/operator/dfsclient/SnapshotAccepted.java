package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** dfs's 202 to a snapshot create or a policy run: the snapshot is being taken in the background. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotAccepted(@JsonProperty("snapshot_id") String snapshotId, String share) {
}
