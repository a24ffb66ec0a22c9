package com.dittofs.operator.api.v1alpha1;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A declared share and whether dfs serves it as declared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShareStatus {

    @JsonPropertyDescription("Share name, as in spec.shares.")
    private String name;

    @JsonPropertyDescription("Whether dfs serves the share as declared.")
    private Boolean ready;

    @JsonPropertyDescription("What the operator found or did, or why the share is not ready.")
    private String message;

    @JsonPropertyDescription("Who may do what on the share: the declared grants, the default for everyone else and"
            + " the NFS squash mode.")
    private String access;

    @JsonPropertyDescription("Where clients inside the cluster reach the share (the -file Service's DNS name; pods"
            + " resolve it, kubelets mounting a PersistentVolume do not).")
    private ShareEndpoints endpoints;

    @JsonPropertyDescription("Where clients outside the cluster reach the share: the LoadBalancer address once the"
            + " load balancer has one (absent until then), or <node-address> with the NodePorts of a NodePort"
            + " Service.")
    private ShareEndpoints externalEndpoints;

    @JsonPropertyDescription("The share's newest ready snapshot in dfs (by its policy or by hand), absent while it has"
            + " none; looked for every few minutes (docs/BACKUP.md#is-it-working).")
    private ShareSnapshotStatus lastSnapshot;

    public ShareStatus() {
    }

    public ShareStatus(String name, Boolean ready, String message) {
        this.name = name;
        this.ready = ready;
        this.message = message;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getReady() {
        return ready;
    }

    public void setReady(Boolean ready) {
        this.ready = ready;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }

    public ShareEndpoints getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(ShareEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public ShareEndpoints getExternalEndpoints() {
        return externalEndpoints;
    }

    public void setExternalEndpoints(ShareEndpoints externalEndpoints) {
        this.externalEndpoints = externalEndpoints;
    }

    public ShareSnapshotStatus getLastSnapshot() {
        return lastSnapshot;
    }

    public void setLastSnapshot(ShareSnapshotStatus lastSnapshot) {
        this.lastSnapshot = lastSnapshot;
    }
}
