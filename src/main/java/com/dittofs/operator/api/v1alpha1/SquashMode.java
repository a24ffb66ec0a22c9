package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How dfs maps the Unix identity an NFS client sends (AUTH_SYS) before it checks access. */
public enum SquashMode {
    @JsonProperty("none")
    NONE,
    @JsonProperty("root_to_admin")
    ROOT_TO_ADMIN,
    @JsonProperty("root_to_guest")
    ROOT_TO_GUEST,
    @JsonProperty("all_to_admin")
    ALL_TO_ADMIN,
    @JsonProperty("all_to_guest")
    ALL_TO_GUEST;

    /** The value dfs expects. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
