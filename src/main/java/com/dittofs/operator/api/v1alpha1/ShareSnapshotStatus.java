package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The newest ready dfs snapshot of a share, taken by its policy or by hand. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShareSnapshotStatus {

    @JsonPropertyDescription("The snapshot's dfs id (dfsctl share snapshot list).")
    private String id;

    @JsonPropertyDescription("Its dfs name: <namePrefix>-YYYYMMDD-HHMMSS for one a policy took, absent if it has"
            + " none.")
    private String name;

    @JsonPropertyDescription("When dfs took it (RFC 3339, UTC): the point in time a restore of it goes back to.")
    private String takenAt;

    @JsonPropertyDescription("Whether the share's snapshot policy took it (false: taken by hand).")
    private Boolean scheduled;

    public ShareSnapshotStatus() {
    }

    public ShareSnapshotStatus(String id, String name, String takenAt, Boolean scheduled) {
        this.id = id;
        this.name = name;
        this.takenAt = takenAt;
        this.scheduled = scheduled;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTakenAt() {
        return takenAt;
    }

    public void setTakenAt(String takenAt) {
        this.takenAt = takenAt;
    }

    public Boolean getScheduled() {
        return scheduled;
    }

    public void setScheduled(Boolean scheduled) {
        this.scheduled = scheduled;
    }
}
