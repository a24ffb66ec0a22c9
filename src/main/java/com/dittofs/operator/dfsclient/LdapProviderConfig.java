package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * dfs's LDAP identity provider configuration ({@code /api/v1/identity-providers/ldap/config}). The bind password is
 * write-only: dfs answers "********" when one is stored, and keeps the stored one when a PUT sends none.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record LdapProviderConfig(
        boolean enabled,
        String url,
        @JsonProperty("start_tls") boolean startTls,
        @JsonProperty("allow_plaintext") boolean allowPlaintext,
        @JsonProperty("base_dn") String baseDn,
        @JsonProperty("bind_dn") String bindDn,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("bind_password") String bindPassword,
        @JsonProperty("user_attr") String userAttr,
        String realm,
        String idmap,
        @JsonProperty("nested_groups") boolean nestedGroups,
        Tls tls) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tls(@JsonProperty("ca_cert_file") String caCertFile,
            @JsonProperty("insecure_skip_verify") boolean insecureSkipVerify) {
    }

    /** The same settings with this password (null: keep the one dfs stores). */
    public LdapProviderConfig withPassword(String password) {
        return new LdapProviderConfig(enabled, url, startTls, allowPlaintext, baseDn, bindDn, password, userAttr, realm,
                idmap, nestedGroups, tls);
    }

    /** The same settings, turned off. */
    public LdapProviderConfig disabled() {
        return new LdapProviderConfig(false, url, startTls, allowPlaintext, baseDn, bindDn, null, userAttr, realm,
                idmap, nestedGroups, tls);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "LdapProviderConfig[enabled=" + enabled + ", url=" + url + ", baseDn=" + baseDn + ", bindDn=" + bindDn
                + "]";
    }
}
