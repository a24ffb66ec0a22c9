package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * An opt-in init container that gives the data volumes to the user dfs runs as, for storage that ignores the pod's
 * fsGroup (hostPath, many NFS and local-path provisioners). It runs as root with CAP_CHOWN and CAP_DAC_OVERRIDE, so
 * the pod no longer meets the "restricted" Pod Security level: the namespace must allow "baseline".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumePermissionsSpec {

    @Default("false")
    @JsonPropertyDescription("Add an init container that, before dfs starts, chowns the roots of the metadata, cache and"
            + " content volumes to the UID and group dfs runs as (runAsUser and fsGroup of podSecurityContext, else"
            + " 65532:65532), recursively only when a root's owner differs. For storage that ignores fsGroup (hostPath,"
            + " some NFS and local-path provisioners), where dfs otherwise exits with 'unable to open database file'."
            + " The init container runs as root with CAP_CHOWN and CAP_DAC_OVERRIDE: the pod then needs the 'baseline'"
            + " Pod Security level instead of 'restricted'. Changing it rolls the server pod once.")
    private Boolean enabled = false;

    @Size(max = 512)
    @Pattern("^\\S+$")
    @JsonPropertyDescription("Image of the init container; it needs sh, stat and chown. Omitted: the dfs image"
            + " (spec.image, Alpine-based, which has them), pulled with the same policy and pull secrets.")
    private String image;

    /** Whether the spec asks for the init container. */
    public static boolean enabledIn(DittoServerSpec spec) {
        return spec.getStorage() != null && spec.getStorage().getVolumePermissions() != null
                && Boolean.TRUE.equals(spec.getStorage().getVolumePermissions().getEnabled());
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
