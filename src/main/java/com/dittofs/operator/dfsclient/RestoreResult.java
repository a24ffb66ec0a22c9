package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** dfs's 200 to a restore: the snapshot restored and the safety snapshot taken of the state it replaced. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreResult(
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("safety_snapshot_id") String safetySnapshotId,
        String share) {
}
