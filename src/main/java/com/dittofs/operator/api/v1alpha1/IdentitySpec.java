package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Credentials dfs needs at start (the JWT signing secret, the initial admin password) and its user directory. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IdentitySpec {

    @JsonProperty
    @ValidationRule(value = "self == 'memory'", message = "identity.type can only be memory, as in the Go operator;"
            + " it changes nothing and can be removed")
    @JsonPropertyDescription("Accepted only as memory, the one value of the Go operator's CRD, and changes nothing:"
            + " dfs keeps its users in its control-plane database" + DittoServerSpec.MIGRATING + ".")
    private String type;

    @JsonPropertyDescription("JWT signing secret of the REST API (at least 32 characters). Generated when omitted.")
    private JwtSpec jwt;

    @JsonPropertyDescription("Password of the bootstrap user admin, set on first start only. Generated when omitted.")
    private AdminSpec admin;

    @JsonPropertyDescription("LDAP or Active Directory directory in which dfs resolves the Unix identity of Kerberos"
            + " and NETLOGON logins (docs/USING_SHARES.md).")
    private LdapSpec ldap;

    @JsonPropertyDescription("Kerberos logins with a keytab, and NTLM pass-through to Active Directory through a"
            + " machine account (docs/USING_SHARES.md).")
    private KerberosSpec kerberos;

    public JwtSpec getJwt() {
        return jwt;
    }

    public void setJwt(JwtSpec jwt) {
        this.jwt = jwt;
    }

    public AdminSpec getAdmin() {
        return admin;
    }

    public void setAdmin(AdminSpec admin) {
        this.admin = admin;
    }

    public LdapSpec getLdap() {
        return ldap;
    }

    public void setLdap(LdapSpec ldap) {
        this.ldap = ldap;
    }

    public KerberosSpec getKerberos() {
        return kerberos;
    }

    public void setKerberos(KerberosSpec kerberos) {
        this.kerberos = kerberos;
    }
}
