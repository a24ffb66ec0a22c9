package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * Kerberos logins (SMB SPNEGO, NFS RPCSEC_GSS) with a keytab, and optionally NTLM pass-through to Active Directory
 * through a machine account. The keytab and krb5.conf are mounted from Secrets; dfs keeps the rest in its database,
 * which the operator sets through the REST API (dfs applies a changed principal or realm after a restart, which the
 * operator then does).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.machineAccount) || !self.machineAccount.enabled"
        + " || (has(self.netbiosDomain) && (has(self.realm) || self.servicePrincipal.contains('@')))",
        message = "machineAccount needs netbiosDomain and a realm (realm, or the @REALM of servicePrincipal)")
@ValidationRule(value = "!has(self.krb5Conf)", message = "identity.kerberos.krb5Conf is now"
        + " identity.kerberos.krb5ConfSecretRef {name, key}; see docs/MIGRATING.md")
public class KerberosSpec {

    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's path of a krb5.conf in the image. Write krb5ConfSecretRef"
            + " instead; declared only so that admission rejects it" + DittoServerSpec.MIGRATING + ".")
    private String krb5Conf;

    @Default("false")
    @JsonPropertyDescription("Whether dfs accepts Kerberos logins. false keeps the settings but turns Kerberos off.")
    private boolean enabled;

    @Required
    @Size(max = 253)
    @Pattern("^[^/@\\s]+/[^/@\\s]+@[^/@\\s]+$")
    @JsonPropertyDescription("Service principal of the keytab, service/host@REALM, e.g."
            + " cifs/files.example.com@EXAMPLE.COM (SMB). dfs derives cifs/host from an nfs/host principal for SMB.")
    private String servicePrincipal;

    @Pattern("^[^@/\\s]+$")
    @Size(max = 253)
    @JsonPropertyDescription("Realm (default: the @REALM of servicePrincipal).")
    private String realm;

    @Pattern("^[^.@/\\s]{1,15}$")
    @JsonPropertyDescription("NetBIOS domain name, e.g. EXAMPLE (default WORKGROUP).")
    private String netbiosDomain;

    @Pattern("^[^@/\\s]+$")
    @Size(max = 253)
    @JsonPropertyDescription("DNS domain (default: the realm, lowercased).")
    private String dnsDomain;

    @Required
    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.kerberos.keytabSecretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the keytab (binary) with servicePrincipal's keys. Mounted into the"
            + " pod; dfs reloads a changed keytab without a restart.")
    private SecretKeySelector keytabSecretRef;

    @Required
    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.kerberos.krb5ConfSecretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding krb5.conf (realms and KDCs). Mounted into the pod; dfs reads it at"
            + " start, so a change restarts the pod.")
    private SecretKeySelector krb5ConfSecretRef;

    @JsonPropertyDescription("Active Directory machine account for NTLM pass-through (NETLOGON) to a domain"
            + " controller.")
    private MachineAccountSpec machineAccount;

    /** Kerberos, when the spec declares it and turns it on. */
    public static java.util.Optional<KerberosSpec> enabledIn(DittoServerSpec spec) {
        return java.util.Optional.ofNullable(spec.getIdentity()).map(IdentitySpec::getKerberos)
                .filter(KerberosSpec::isEnabled);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getServicePrincipal() {
        return servicePrincipal;
    }

    public void setServicePrincipal(String servicePrincipal) {
        this.servicePrincipal = servicePrincipal;
    }

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public String getNetbiosDomain() {
        return netbiosDomain;
    }

    public void setNetbiosDomain(String netbiosDomain) {
        this.netbiosDomain = netbiosDomain;
    }

    public String getDnsDomain() {
        return dnsDomain;
    }

    public void setDnsDomain(String dnsDomain) {
        this.dnsDomain = dnsDomain;
    }

    public SecretKeySelector getKeytabSecretRef() {
        return keytabSecretRef;
    }

    public void setKeytabSecretRef(SecretKeySelector keytabSecretRef) {
        this.keytabSecretRef = keytabSecretRef;
    }

    public SecretKeySelector getKrb5ConfSecretRef() {
        return krb5ConfSecretRef;
    }

    public void setKrb5ConfSecretRef(SecretKeySelector krb5ConfSecretRef) {
        this.krb5ConfSecretRef = krb5ConfSecretRef;
    }

    public MachineAccountSpec getMachineAccount() {
        return machineAccount;
    }

    public void setMachineAccount(MachineAccountSpec machineAccount) {
        this.machineAccount = machineAccount;
    }
}
