package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.storageClassName) == has(oldSelf.storageClassName)"
        + " && (!has(self.storageClassName) || self.storageClassName == oldSelf.storageClassName)",
        message = "storage.storageClassName is immutable after creation")
@ValidationRule(value = "has(self.contentSize) == has(oldSelf.contentSize)",
        message = "storage.contentSize cannot be added or removed after creation (volume claim templates are immutable)")
@ValidationRule(value = "!has(self.controlPlaneSize)", message = "storage.controlPlaneSize is not used: the"
        + " control-plane database lives on the metadata volume, so size that with storage.metadataSize; see"
        + " docs/MIGRATING.md")
public class StorageSpec {

    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's separate control-plane volume. The database lives on"
            + " the metadata volume (metadataSize); declared only so that admission rejects it"
            + DittoServerSpec.MIGRATING + ".")
    private String controlPlaneSize;

    @Required
    @Pattern(Quantities.STORAGE)
    @ValidationRule(value = Quantities.NO_SHRINK, message = "storage.metadataSize cannot shrink: volumes only grow")
    @JsonPropertyDescription("Size of the metadata volume (metadata store and the SQLite control-plane database), e.g. 10Gi."
            + " Growing it resizes the PVC when the StorageClass allows expansion; it cannot shrink.")
    private String metadataSize;

    @Default("5Gi")
    @Pattern(Quantities.STORAGE)
    @ValidationRule(value = Quantities.NO_SHRINK, message = "storage.cacheSize cannot shrink: volumes only grow")
    @JsonPropertyDescription("Size of the cache volume (local block store and write cache). Growing it resizes the PVC"
            + " when the StorageClass allows expansion; it cannot shrink.")
    private String cacheSize = "5Gi";

    @Pattern(Quantities.STORAGE)
    @ValidationRule(value = Quantities.NO_SHRINK, message = "storage.contentSize cannot shrink: volumes only grow")
    @JsonPropertyDescription("Size of an optional content volume for file data. When set, the local block store lives"
            + " there instead of on the cache volume. Cannot be added or removed after creation; growing it resizes"
            + " the PVC when the StorageClass allows expansion; it cannot shrink.")
    private String contentSize;

    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("StorageClass of every volume claim. Omit to use the cluster default. Immutable.")
    private String storageClassName;

    @Default("Retain")
    @JsonPropertyDescription("What happens to the volume claims when the DittoServer is deleted: Retain (default) keeps"
            + " them and their data; Delete deletes them with the server (the StorageClass's reclaimPolicy then decides"
            + " about the volumes). Scaling to 0 always keeps them.")
    private VolumeRetentionPolicy retentionPolicy = VolumeRetentionPolicy.Retain;

    @JsonPropertyDescription("An opt-in init container that gives the volumes to the user dfs runs as, for storage"
            + " that ignores the pod's fsGroup (hostPath, some NFS and local-path provisioners). Off by default: it"
            + " needs the 'baseline' Pod Security level.")
    private VolumePermissionsSpec volumePermissions;

    public String getMetadataSize() {
        return metadataSize;
    }

    public void setMetadataSize(String metadataSize) {
        this.metadataSize = metadataSize;
    }

    public String getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(String cacheSize) {
        this.cacheSize = cacheSize;
    }

    public String getContentSize() {
        return contentSize;
    }

    public void setContentSize(String contentSize) {
        this.contentSize = contentSize;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }

    public VolumeRetentionPolicy getRetentionPolicy() {
        return retentionPolicy;
    }

    public void setRetentionPolicy(VolumeRetentionPolicy retentionPolicy) {
        this.retentionPolicy = retentionPolicy;
    }

    public VolumePermissionsSpec getVolumePermissions() {
        return volumePermissions;
    }

    public void setVolumePermissions(VolumePermissionsSpec volumePermissions) {
        this.volumePermissions = volumePermissions;
    }
}
