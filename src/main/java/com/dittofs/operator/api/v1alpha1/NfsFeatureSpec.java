package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** An optional NFS service dfs turns on through its adapter settings (nfs.portmapper, nfs.udp). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NfsFeatureSpec {

    @Default("false")
    @JsonPropertyDescription("Turn it on (off by default, as in dfs).")
    private Boolean enabled = false;

    public NfsFeatureSpec() {
    }

    public NfsFeatureSpec(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the feature is on; an omitted block is off. */
    public static boolean on(NfsFeatureSpec feature) {
        return feature != null && Boolean.TRUE.equals(feature.getEnabled());
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
