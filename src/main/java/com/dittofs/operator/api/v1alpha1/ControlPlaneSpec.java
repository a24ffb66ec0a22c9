package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The dfs REST control plane, exposed by the -api Service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ControlPlaneSpec {

    @Default("8080")
    @Min(1024)
    @Max(65535)
    @JsonPropertyDescription("Port of the REST API, both in the container and on the -api Service.")
    private Integer port = 8080;

    @JsonPropertyDescription("HTTPS for the REST API (probes and the operator use HTTPS and verify the"
            + " certificate). Omitted: HTTPS with a certificate from the operator's own CA. mode: Disabled for"
            + " plain HTTP.")
    private ControlPlaneTlsSpec tls;

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public ControlPlaneTlsSpec getTls() {
        return tls;
    }

    public void setTls(ControlPlaneTlsSpec tls) {
        this.tls = tls;
    }
}
