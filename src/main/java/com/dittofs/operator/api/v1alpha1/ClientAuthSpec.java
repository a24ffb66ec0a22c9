package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * Mutual TLS on the REST API (the Go operator's clientCASecretName): dfs requires a client certificate signed by the
 * CA given here. The operator presents its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.caSecretRef) || has(self.operatorCertificateSecretName)",
        message = "controlPlane.tls.clientAuth.caSecretRef needs operatorCertificateSecretName: the client"
                + " certificate from that CA the operator presents")
public class ClientAuthSpec {

    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "controlPlane.tls.clientAuth.caSecretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the PEM CA bundle dfs verifies client certificates with (the Go"
            + " operator's clientCASecretName, key ca.crt). Read by dfs at start: a new value restarts the pod."
            + " Omitted: the operator's CA of the namespace (only its ca.crt enters the pod), from which the operator"
            + " issues its own client certificate.")
    private SecretKeySelector caSecretRef;

    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("kubernetes.io/tls Secret (tls.crt, tls.key) with the client certificate the operator"
            + " presents to dfs, signed by the CA of caSecretRef. Required with caSecretRef.")
    private String operatorCertificateSecretName;

    public SecretKeySelector getCaSecretRef() {
        return caSecretRef;
    }

    public void setCaSecretRef(SecretKeySelector caSecretRef) {
        this.caSecretRef = caSecretRef;
    }

    public String getOperatorCertificateSecretName() {
        return operatorCertificateSecretName;
    }

    public void setOperatorCertificateSecretName(String operatorCertificateSecretName) {
        this.operatorCertificateSecretName = operatorCertificateSecretName;
    }
}
