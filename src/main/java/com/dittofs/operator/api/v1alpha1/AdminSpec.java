package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** The dfs bootstrap user admin. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdminSpec {

    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.admin.passwordSecretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the initial admin password, injected as"
            + " DITTOFS_ADMIN_INITIAL_PASSWORD (read by dfs on its first start only). When omitted the operator"
            + " generates <name>-admin once.")
    private SecretKeySelector passwordSecretRef;

    public SecretKeySelector getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeySelector passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }
}
