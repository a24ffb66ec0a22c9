package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** The JWT signing secret of the dfs REST API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JwtSpec {

    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.jwt.secretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the signing secret (at least 32 characters), injected as"
            + " DITTOFS_CONTROLPLANE_SECRET. When omitted the operator generates <name>-jwt once.")
    private SecretKeySelector secretRef;

    public SecretKeySelector getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeySelector secretRef) {
        this.secretRef = secretRef;
    }
}
