package com.dittofs.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

/** Observed state of a DittoServer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DittoServerStatus {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Pending, Running, Stopped, Failed or Deleting. Automation should wait on conditions.")
    private Phase phase;

    @JsonPropertyDescription("Server pods that exist.")
    private Integer replicas;

    @JsonPropertyDescription("Server pods that are ready.")
    private Integer readyReplicas;

    @JsonPropertyDescription("Hash of everything the server pod consumes (rendered config and referenced Secret values).")
    private String configHash;

    @JsonPropertyDescription("Addresses clients use to reach the server.")
    private Endpoints endpoints;

    @JsonPropertyDescription("The dfs image the server's pod template asks for (spec.image once the StatefulSet has"
            + " it); pods roll onto it.")
    private String image;

    @JsonPropertyDescription("The version the running dfs reports (its dittofs_build_info metric): read once per pod"
            + " after the operator reached it, absent while unknown. Needs metrics.enabled and the data plane"
            + " managed. A dfs built from source without release flags reports dev.")
    private String dfsVersion;

    @JsonPropertyDescription("The declared shares and their state on the server.")
    private List<ShareStatus> shares;

    @JsonPropertyDescription("Shares the operator created in dfs and that are still there, declared or not: a record"
            + " for people, never a reason to delete (only ensure: absent deletes). One no longer declared stays in"
            + " dfs and is named in the DataPlaneReady message.")
    private List<String> managedShares;

    @JsonPropertyDescription("Declared shares that existed in dfs before they were declared (made by hand) and that"
            + " the operator now keeps as declared; an event said so. Removing one from spec.shares leaves it in"
            + " dfs.")
    private List<String> adoptedShares;

    @JsonPropertyDescription("The server's volume claims, each with its requested size and actual capacity.")
    private List<VolumeStatus> volumes;

    @JsonPropertyDescription("The declared users and their state on the server (never a password).")
    private List<UserStatus> users;

    @JsonPropertyDescription("Users the operator created in dfs (marked so in dfs, in their display name) and that"
            + " are still there, declared or not: a record, never a reason to delete (only ensure: absent deletes)."
            + " One no longer declared keeps its password and is named in the DataPlaneReady message.")
    private List<String> managedUsers;

    @JsonPropertyDescription("Declared users that existed in dfs before they were declared (made by hand) and that"
            + " the operator now keeps as declared; an event said so. Removing one from spec.users leaves it in dfs.")
    private List<String> adoptedUsers;

    @JsonPropertyDescription("Groups the operator created in dfs (marked so in dfs, in their description) and that"
            + " are still there, declared or not: a record, never a reason to delete (only ensure: absent deletes).")
    private List<String> managedGroups;

    @JsonPropertyDescription("Declared groups that existed in dfs before they were declared (made by hand) and that"
            + " the operator now keeps as declared; an event said so.")
    private List<String> adoptedGroups;

    @JsonPropertyDescription("Shares whose snapshot policy the operator created in dfs and that still have one,"
            + " declared or not: a record, never a reason to delete (only snapshotPolicy.ensure: absent deletes).")
    private List<String> managedSnapshotPolicies;

    @JsonPropertyDescription("Shares whose declared snapshot policy existed in dfs before it was declared (made by"
            + " hand) and that the operator now keeps as declared; an event said so.")
    private List<String> adoptedSnapshotPolicies;

    @JsonPropertyDescription("Ready, Available, ConfigReady, DataPlaneReady, Progressing, VolumesResized and, with"
            + " percona.enabled, DatabaseReady, following Kubernetes API conventions; Paused while reconciling is"
            + " paused.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getConfigHash() {
        return configHash;
    }

    public void setConfigHash(String configHash) {
        this.configHash = configHash;
    }

    public Endpoints getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getDfsVersion() {
        return dfsVersion;
    }

    public void setDfsVersion(String dfsVersion) {
        this.dfsVersion = dfsVersion;
    }

    public List<ShareStatus> getShares() {
        return shares;
    }

    public void setShares(List<ShareStatus> shares) {
        this.shares = shares;
    }

    public List<String> getManagedShares() {
        return managedShares;
    }

    public void setManagedShares(List<String> managedShares) {
        this.managedShares = managedShares;
    }

    public List<String> getAdoptedShares() {
        return adoptedShares;
    }

    public void setAdoptedShares(List<String> adoptedShares) {
        this.adoptedShares = adoptedShares;
    }

    public List<String> getAdoptedUsers() {
        return adoptedUsers;
    }

    public void setAdoptedUsers(List<String> adoptedUsers) {
        this.adoptedUsers = adoptedUsers;
    }

    public List<String> getAdoptedGroups() {
        return adoptedGroups;
    }

    public void setAdoptedGroups(List<String> adoptedGroups) {
        this.adoptedGroups = adoptedGroups;
    }

    public List<VolumeStatus> getVolumes() {
        return volumes;
    }

    public void setVolumes(List<VolumeStatus> volumes) {
        this.volumes = volumes;
    }

    public List<UserStatus> getUsers() {
        return users;
    }

    public void setUsers(List<UserStatus> users) {
        this.users = users;
    }

    public List<String> getManagedUsers() {
        return managedUsers;
    }

    public void setManagedUsers(List<String> managedUsers) {
        this.managedUsers = managedUsers;
    }

    public List<String> getManagedGroups() {
        return managedGroups;
    }

    public void setManagedGroups(List<String> managedGroups) {
        this.managedGroups = managedGroups;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public List<String> getManagedSnapshotPolicies() {
        return managedSnapshotPolicies;
    }

    public void setManagedSnapshotPolicies(List<String> managedSnapshotPolicies) {
        this.managedSnapshotPolicies = managedSnapshotPolicies;
    }

    public List<String> getAdoptedSnapshotPolicies() {
        return adoptedSnapshotPolicies;
    }

    public void setAdoptedSnapshotPolicies(List<String> adoptedSnapshotPolicies) {
        this.adoptedSnapshotPolicies = adoptedSnapshotPolicies;
    }
}
