package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** NFS export settings of one share. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShareNfsSpec {

    @Default("root_to_guest")
    @JsonPropertyDescription("Identity mapping: root_to_guest (default: UID 0 acts as the anonymous UID), none (UID 0"
            + " is admin and skips the grants), root_to_admin, all_to_admin or all_to_guest.")
    private SquashMode squash = SquashMode.ROOT_TO_GUEST;

    @Default("65534")
    @Min(0)
    @Max(4294967295L)
    @JsonPropertyDescription("UID that squashed clients act as.")
    private Long anonymousUid = 65534L;

    @Default("65534")
    @Min(0)
    @Max(4294967295L)
    @JsonPropertyDescription("GID that squashed clients act as.")
    private Long anonymousGid = 65534L;

    @Default("true")
    @JsonPropertyDescription("Accept AUTH_SYS (plain Unix identity) mounts. dfs reads this when it loads the share:"
            + " a change takes effect at the server's next start.")
    private Boolean allowAuthSys = true;

    public SquashMode getSquash() {
        return squash;
    }

    public void setSquash(SquashMode squash) {
        this.squash = squash;
    }

    public Long getAnonymousUid() {
        return anonymousUid;
    }

    public void setAnonymousUid(Long anonymousUid) {
        this.anonymousUid = anonymousUid;
    }

    public Long getAnonymousGid() {
        return anonymousGid;
    }

    public void setAnonymousGid(Long anonymousGid) {
        this.anonymousGid = anonymousGid;
    }

    public Boolean getAllowAuthSys() {
        return allowAuthSys;
    }

    public void setAllowAuthSys(Boolean allowAuthSys) {
        this.allowAuthSys = allowAuthSys;
    }
}
