package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** HTTPS for the dfs REST API: a kubernetes.io/tls Secret mounted into the pod, optionally issued by cert-manager. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ControlPlaneTlsSpec {

    @Required
    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of a kubernetes.io/tls Secret in the DittoServer's namespace: tls.crt and tls.key"
            + " make dfs serve HTTPS, and ca.crt (optional) is the CA the operator verifies the server with (without"
            + " it, the operator trusts its configured CA bundle or the public CAs). The certificate must name the"
            + " -api Service (<name>-api.<namespace>.svc). With issuerRef, cert-manager writes this Secret.")
    private String secretName;

    @Pattern("^1\\.[23]$")
    @JsonPropertyDescription("Lowest TLS version dfs accepts: \"1.2\" (dfs's default) or \"1.3\".")
    private String minVersion;

    @JsonPropertyDescription("cert-manager issuer of the certificate: the operator creates a cert-manager Certificate"
            + " <name>-api for the -api Service's DNS names that writes secretName. Needs cert-manager's CRDs.")
    private IssuerRef issuerRef;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public String getMinVersion() {
        return minVersion;
    }

    public void setMinVersion(String minVersion) {
        this.minVersion = minVersion;
    }

    public IssuerRef getIssuerRef() {
        return issuerRef;
    }

    public void setIssuerRef(IssuerRef issuerRef) {
        this.issuerRef = issuerRef;
    }

    /** Whether the spec asks for TLS on the REST API. */
    public static boolean enabledIn(DittoServerSpec spec) {
        return spec.getControlPlane() != null && spec.getControlPlane().getTls() != null;
    }

    /** Whether the spec asks cert-manager for the certificate. */
    public static boolean issuedIn(DittoServerSpec spec) {
        return enabledIn(spec) && spec.getControlPlane().getTls().getIssuerRef() != null;
    }
}
