package com.dittofs.operator.api.v1alpha1;

import com.dittofs.operator.naming.Names;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * HTTPS for the dfs REST API, on by default: a kubernetes.io/tls Secret mounted into the pod, issued by the operator's
 * own CA unless the user names a Secret (optionally written by cert-manager). Plain HTTP only with mode Disabled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.issuerRef) || has(self.secretName)",
        message = "issuerRef needs secretName: the Secret cert-manager writes the certificate into")
@ValidationRule(value = "!has(self.mode) || self.mode != 'Disabled'"
        + " || (!has(self.secretName) && !has(self.issuerRef) && !has(self.minVersion))",
        message = "mode Disabled serves plain HTTP: secretName, issuerRef and minVersion do not apply")
@ValidationRule(value = "!has(self.clientAuth) || !has(self.mode) || self.mode != 'Disabled'",
        message = "clientAuth needs HTTPS: it does not apply with mode Disabled")
public class ControlPlaneTlsSpec {

    @Default("Enabled")
    @JsonPropertyDescription("Enabled (default): the REST API serves HTTPS and the operator verifies its certificate."
            + " Disabled: plain HTTP, so the admin password, the users' passwords and the S3 keys the operator sends"
            + " to dfs cross the pod network in clear; the condition ApiEncrypted=False says so.")
    private TlsMode mode = TlsMode.ENABLED;

    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of a kubernetes.io/tls Secret in the DittoServer's namespace: tls.crt and tls.key"
            + " make dfs serve HTTPS, and ca.crt (optional) is the CA the operator verifies the server with (without"
            + " it, the operator trusts its configured CA bundle or the public CAs). The certificate must name the"
            + " -api Service (<name>-api.<namespace>.svc). With issuerRef, cert-manager writes this Secret. Omitted:"
            + " the operator issues the certificate from its own CA into the Secret <name>-api-tls and renews it.")
    private String secretName;

    @Pattern("^1\\.[23]$")
    @JsonPropertyDescription("Lowest TLS version dfs accepts: \"1.2\" (dfs's default) or \"1.3\".")
    private String minVersion;

    @JsonPropertyDescription("cert-manager issuer of the certificate: the operator creates a cert-manager Certificate"
            + " <name>-api for the -api Service's DNS names that writes secretName. Needs cert-manager's CRDs.")
    private IssuerRef issuerRef;

    @JsonPropertyDescription("Mutual TLS: dfs then accepts only clients with a certificate from the CA given here,"
            + " on the whole API including /health, so the probes become TCP checks of the API port. The operator"
            + " presents its own client certificate. An empty object ({}) uses the operator's CA.")
    private ClientAuthSpec clientAuth;

    public ClientAuthSpec getClientAuth() {
        return clientAuth;
    }

    public void setClientAuth(ClientAuthSpec clientAuth) {
        this.clientAuth = clientAuth;
    }

    /** The client authentication the spec asks for, when it serves HTTPS. */
    public static java.util.Optional<ClientAuthSpec> clientAuthIn(DittoServerSpec spec) {
        return enabledIn(spec) && of(spec) != null ? java.util.Optional.ofNullable(of(spec).getClientAuth())
                : java.util.Optional.empty();
    }

    public TlsMode getMode() {
        return mode;
    }

    public void setMode(TlsMode mode) {
        this.mode = mode;
    }

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

    /** Whether the REST API serves HTTPS: always, unless the spec turns it off. */
    public static boolean enabledIn(DittoServerSpec spec) {
        ControlPlaneTlsSpec tls = of(spec);
        return tls == null || tls.getMode() != TlsMode.DISABLED;
    }

    /** Whether the spec asks cert-manager for the certificate. */
    public static boolean issuedIn(DittoServerSpec spec) {
        return enabledIn(spec) && of(spec) != null && of(spec).getIssuerRef() != null;
    }

    /** Whether the operator issues the certificate from its own CA: HTTPS without a Secret of the user's. */
    public static boolean operatorIssuedIn(DittoServerSpec spec) {
        return enabledIn(spec) && (of(spec) == null || of(spec).getSecretName() == null);
    }

    private static ControlPlaneTlsSpec of(DittoServerSpec spec) {
        return spec.getControlPlane() == null ? null : spec.getControlPlane().getTls();
    }

    /** The Secret of the server's REST API certificate: the user's (secretName) or the one the operator issues. */
    public static String secretNameIn(DittoServer server) {
        ControlPlaneTlsSpec tls = server.getSpec().getControlPlane() == null ? null
                : server.getSpec().getControlPlane().getTls();
        return tls != null && tls.getSecretName() != null ? tls.getSecretName() : Names.operatorApiTlsSecret(server);
    }
}
