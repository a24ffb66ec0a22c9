package com.dittofs.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

/** What the restore did: written by the operator only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SnapshotRestoreStatus {

    @JsonPropertyDescription("Pending, Running, Succeeded or Failed. Succeeded and Failed are final: the restore is"
            + " never run again.")
    private RestorePhase phase;

    @JsonPropertyDescription("The dfs id of the snapshot restored (spec.snapshot.id, or the DittoSnapshot's).")
    private String snapshotId;

    @JsonPropertyDescription("When the operator began the restore (RFC 3339), recorded before it asked dfs.")
    private String startedAt;

    @JsonPropertyDescription("When the restore ended (RFC 3339), successfully or not.")
    private String completedAt;

    @JsonPropertyDescription("How long the restore took, from startedAt to completedAt.")
    private Long durationSeconds;

    @JsonPropertyDescription("The snapshot dfs took of the state it replaced: restore this one to undo the restore.")
    private String safetySnapshotId;

    @JsonPropertyDescription("The shares dfs rolled back: every share on the metadata store of spec.share.")
    private List<String> restoredShares;

    @JsonPropertyDescription("Restored: True once done; False with the reason while pending or when refused or"
            + " failed.")
    private List<Condition> conditions = new ArrayList<>();

    public RestorePhase getPhase() {
        return phase;
    }

    public void setPhase(RestorePhase phase) {
        this.phase = phase;
    }

    public String getSnapshotId() {
        return snapshotId;
    }

    public void setSnapshotId(String snapshotId) {
        this.snapshotId = snapshotId;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(String completedAt) {
        this.completedAt = completedAt;
    }

    public Long getDurationSeconds() {
        return durationSeconds;
    }

    public void setDurationSeconds(Long durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    public String getSafetySnapshotId() {
        return safetySnapshotId;
    }

    public void setSafetySnapshotId(String safetySnapshotId) {
        this.safetySnapshotId = safetySnapshotId;
    }

    public List<String> getRestoredShares() {
        return restoredShares;
    }

    public void setRestoredShares(List<String> restoredShares) {
        this.restoredShares = restoredShares;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
