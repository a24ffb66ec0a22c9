package com.dittofs.operator.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.dittofs.operator.api.v1alpha1.kube.GoOnlySchema;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** The Active Directory computer account dfs opens a NETLOGON secure channel with, for NTLM pass-through. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.keytabSecretRef)", message = "identity.kerberos.machineAccount.keytabSecretRef is"
        + " not supported: give the account's password with machineAccount.secretRef; see docs/MIGRATING.md")
public class MachineAccountSpec {

    @PreserveUnknownFields
    @SchemaFrom(type = GoOnlySchema.class)
    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's machine-account keytab. Write secretRef (the account's"
            + " password) instead; declared only so that admission rejects it" + DittoServerSpec.MIGRATING + ".")
    private JsonNode keytabSecretRef;

    @Default("false")
    @JsonPropertyDescription("Whether dfs passes NTLM logins of domain users to a domain controller.")
    private boolean enabled;

    @Required
    @Size(min = 2, max = 16)
    @Pattern("^[^.@/\\s]+\\$$")
    @JsonPropertyDescription("The computer account, with its trailing $, e.g. DITTOFS$.")
    private String accountName;

    @Required
    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.kerberos.machineAccount.secretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the account's password. The operator sends it to dfs through the"
            + " REST API (dfs v0.29.0 takes no machine keytab), and again when the Secret changes, without a restart.")
    private SecretKeySelector secretRef;

    @Size(max = 8)
    @JsonPropertyDescription("Domain controllers to use (host or host:port). Default: found through DNS.")
    private List<String> dcAddress;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public SecretKeySelector getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeySelector secretRef) {
        this.secretRef = secretRef;
    }

    public List<String> getDcAddress() {
        return dcAddress;
    }

    public void setDcAddress(List<String> dcAddress) {
        this.dcAddress = dcAddress;
    }
}
