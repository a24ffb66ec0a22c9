package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A dfs snapshot, by its dfs id or through the DittoSnapshot that took it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.id) != has(self.dittoSnapshotName)",
        message = "snapshot needs exactly one of id and dittoSnapshotName")
public class SnapshotReference {

    @Size(min = 1, max = 128)
    @Pattern("^[A-Za-z0-9_.-]+$")
    @JsonPropertyDescription("The dfs id of the snapshot (dfsctl share snapshot list): any snapshot of the share,"
            + " also one a snapshot policy took.")
    private String id;

    @Size(min = 1, max = 253)
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of a DittoSnapshot in this namespace; its status.snapshotId is restored once it"
            + " has one.")
    private String dittoSnapshotName;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDittoSnapshotName() {
        return dittoSnapshotName;
    }

    public void setDittoSnapshotName(String dittoSnapshotName) {
        this.dittoSnapshotName = dittoSnapshotName;
    }
}
