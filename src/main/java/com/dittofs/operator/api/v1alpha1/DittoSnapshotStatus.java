package com.dittofs.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

/** Observed state of a DittoSnapshot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DittoSnapshotStatus {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Pending (not asked of dfs yet: the server or share is not there or not reachable),"
            + " Running (dfs is taking the snapshot), Ready or Failed (final: create another DittoSnapshot).")
    private SnapshotPhase phase;

    @JsonPropertyDescription("The snapshot's id in dfs (dfsctl share snapshot list shows it), set as soon as dfs"
            + " accepted the request; the operator never asks for a second snapshot once it is set.")
    private String snapshotId;

    @JsonPropertyDescription("The snapshot's name in dfs: <metadata.name>-<metadata.uid>, by which the operator finds"
            + " a snapshot it asked for but whose id it could not record.")
    private String snapshotName;

    @JsonPropertyDescription("When dfs started taking the snapshot (RFC 3339).")
    private String startedAt;

    @JsonPropertyDescription("When dfs finished it (RFC 3339).")
    private String readyAt;

    @JsonPropertyDescription("How long dfs took, from startedAt to readyAt, in seconds.")
    private Double durationSeconds;

    @JsonPropertyDescription("Size of the metadata dump dfs wrote, in bytes. The content blocks are not copied (they"
            + " are shared with the live share), so this is what the snapshot adds on the volume.")
    private Long sizeBytes;

    @JsonPropertyDescription("Content blocks the snapshot refers to (kept while it exists, not copied).")
    private Long blockCount;

    @JsonPropertyDescription("Whether a remote store (spec.s3) holds every block the snapshot refers to. False: a"
            + " restore of it must be forced, and it is lost with the server's volume.")
    private Boolean remoteDurable;

    @JsonPropertyDescription("Ready: True once the snapshot is ready in dfs; its reason says why not otherwise.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public SnapshotPhase getPhase() {
        return phase;
    }

    public void setPhase(SnapshotPhase phase) {
        this.phase = phase;
    }

    public String getSnapshotId() {
        return snapshotId;
    }

    public void setSnapshotId(String snapshotId) {
        this.snapshotId = snapshotId;
    }

    public String getSnapshotName() {
        return snapshotName;
    }

    public void setSnapshotName(String snapshotName) {
        this.snapshotName = snapshotName;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getReadyAt() {
        return readyAt;
    }

    public void setReadyAt(String readyAt) {
        this.readyAt = readyAt;
    }

    public Double getDurationSeconds() {
        return durationSeconds;
    }

    public void setDurationSeconds(Double durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public void setSizeBytes(Long sizeBytes) {
        this.sizeBytes = sizeBytes;
    }

    public Long getBlockCount() {
        return blockCount;
    }

    public void setBlockCount(Long blockCount) {
        this.blockCount = blockCount;
    }

    public Boolean getRemoteDurable() {
        return remoteDurable;
    }

    public void setRemoteDurable(Boolean remoteDurable) {
        this.remoteDurable = remoteDurable;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
