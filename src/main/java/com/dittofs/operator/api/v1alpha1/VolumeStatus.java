package com.dittofs.operator.api.v1alpha1;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One volume claim of the server: what it asks for and what it has. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeStatus {

    @JsonPropertyDescription("The volume: metadata, cache or content.")
    private String name;

    @JsonPropertyDescription("The PersistentVolumeClaim.")
    private String claimName;

    @JsonPropertyDescription("The size the claim requests (its spec.resources.requests.storage).")
    private String requested;

    @JsonPropertyDescription("The size the volume has (the claim's status.capacity.storage); absent while unbound."
            + " Smaller than requested while a resize is in progress.")
    private String capacity;

    public VolumeStatus() {
    }

    public VolumeStatus(String name, String claimName, String requested, String capacity) {
        this.name = name;
        this.claimName = claimName;
        this.requested = requested;
        this.capacity = capacity;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getClaimName() {
        return claimName;
    }

    public void setClaimName(String claimName) {
        this.claimName = claimName;
    }

    public String getRequested() {
        return requested;
    }

    public void setRequested(String requested) {
        this.requested = requested;
    }

    public String getCapacity() {
        return capacity;
    }

    public void setCapacity(String capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeStatus v && Objects.equals(name, v.name) && Objects.equals(claimName, v.claimName)
                && Objects.equals(requested, v.requested) && Objects.equals(capacity, v.capacity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, claimName, requested, capacity);
    }

    @Override
    public String toString() {
        return name + "(" + claimName + ": requested " + requested + ", capacity " + capacity + ")";
    }
}
