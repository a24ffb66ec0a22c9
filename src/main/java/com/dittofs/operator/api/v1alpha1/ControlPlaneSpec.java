package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** The dfs REST control plane, exposed by the -api Service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.certSecretName)", message = "controlPlane.certSecretName is now"
        + " controlPlane.tls.secretName (a kubernetes.io/tls Secret; HTTPS is on by default); see docs/MIGRATING.md")
@ValidationRule(value = "!has(self.clientCASecretName)", message = "controlPlane.clientCASecretName is now"
        + " controlPlane.tls.clientAuth.caSecretRef {name, key: ca.crt} with operatorCertificateSecretName; see"
        + " docs/MIGRATING.md")
public class ControlPlaneSpec {

    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's name of the certificate Secret. Write"
            + " tls.secretName instead; declared only so that admission rejects it" + DittoServerSpec.MIGRATING + ".")
    private String certSecretName;

    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's client CA for mutual TLS. Write tls.clientAuth"
            + " instead; declared only so that admission rejects it" + DittoServerSpec.MIGRATING + ".")
    private String clientCASecretName;

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
