package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
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

    // Declared for the Go operator's CRD: dfs v0.29.0 ignores admin.username and always bootstraps "admin".
    @Size(max = 64)
    @ValidationRule(value = "self == 'admin'", message = "identity.admin.username can only be admin: dfs v0.29.0"
            + " always names its bootstrap user admin (it ignores another name)")
    @JsonPropertyDescription("Name of the bootstrap user. dfs v0.29.0 always calls it admin, so admin is the only"
            + " value accepted; accepted for manifests written for the Go operator.")
    private String username;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public SecretKeySelector getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeySelector passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }
}
