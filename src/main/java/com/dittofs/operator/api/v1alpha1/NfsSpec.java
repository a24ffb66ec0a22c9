package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** NFS (v3 and v4) on the -file Service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NfsSpec {

    @Default("true")
    @JsonPropertyDescription("Serve NFS. At least one of nfs and smb must be enabled.")
    private Boolean enabled = true;

    @Default("2049")
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Client-facing NFS port of the -file Service. The container listens on the server's own"
            + " unprivileged port; the Service maps this port onto it.")
    private Integer port = 2049;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
