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
 * The LDAP or Active Directory directory dfs resolves the Unix identity (UID, GID, groups) of Kerberos and NETLOGON
 * logins in. dfs keeps this configuration in its database: the operator sets it through the REST API, without a
 * restart, and sets it again when the bind password's Secret changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.url.startsWith('ldaps://') || self.startTLS || self.allowPlaintext",
        message = "an ldap:// url needs startTLS: true, or allowPlaintext: true to send the bind password in clear")
@ValidationRule(value = "!(self.url.startsWith('ldaps://') && self.startTLS)",
        message = "startTLS applies to ldap:// urls only: ldaps:// is TLS from the start")
@ValidationRule(value = "!has(self.caSecretRef) || !self.insecureSkipVerify",
        message = "caSecretRef and insecureSkipVerify exclude each other")
@ValidationRule(value = "!has(self.caCertFile)", message = "identity.ldap.caCertFile is now"
        + " identity.ldap.caSecretRef {name, key}: the operator mounts the CA itself; see docs/MIGRATING.md")
public class LdapSpec {

    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's path of a CA file you mounted yourself. Write caSecretRef"
            + " instead; declared only so that admission rejects it" + DittoServerSpec.MIGRATING + ".")
    private String caCertFile;

    @Default("false")
    @JsonPropertyDescription("Whether dfs uses the directory. false keeps the settings but turns the lookups off"
            + " (the operator sets enabled: false in dfs, as it does when the ldap block is removed).")
    private boolean enabled;

    @Required
    @Size(max = 1024)
    @Pattern("^ldaps?://[^/?#\\s]+/?$")
    @JsonPropertyDescription("Directory server: ldaps://host[:port] (TLS), or ldap://host[:port] with startTLS or"
            + " allowPlaintext.")
    private String url;

    @Default("false")
    @JsonPropertyDescription("Upgrade an ldap:// connection to TLS with StartTLS before binding.")
    private boolean startTLS;

    @Default("false")
    @JsonPropertyDescription("Allow an ldap:// url without StartTLS: the bind password crosses the network in clear."
            + " For test directories only.")
    private boolean allowPlaintext;

    @Required
    @Size(min = 1, max = 1024)
    @JsonPropertyDescription("Where users and groups are searched, e.g. DC=example,DC=com.")
    private String baseDN;

    @Required
    @Size(min = 1, max = 1024)
    @JsonPropertyDescription("Service account dfs binds as (dfs never binds anonymously), e.g."
            + " CN=dittofs,CN=Users,DC=example,DC=com.")
    private String bindDN;

    @Required
    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.ldap.bindPasswordSecretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding bindDN's password. The operator sends it to dfs through the REST"
            + " API (never into the pod or its config), and sends it again when the Secret changes.")
    private SecretKeySelector bindPasswordSecretRef;

    @Pattern("^[A-Za-z][A-Za-z0-9-]*$")
    @Size(max = 64)
    @JsonPropertyDescription("Attribute holding the login name (dfs default sAMAccountName). dfs v0.29.0 searches"
            + " users as (objectClass=user) and groups as (objectClass=group): an Active Directory schema.")
    private String userAttr;

    @Pattern("^[^@/\\s]+$")
    @Size(max = 253)
    @JsonPropertyDescription("Kerberos realm whose principals are looked up in this directory, e.g. EXAMPLE.COM.")
    private String realm;

    @JsonPropertyDescription("rfc2307 (dfs default): UID and GID from uidNumber and gidNumber. rid: derived from the"
            + " objectSid's relative ID, for Active Directory without RFC 2307 attributes.")
    private IdmapMode idmap;

    @Default("false")
    @JsonPropertyDescription("Resolve nested group membership. Uses Active Directory's LDAP_MATCHING_RULE_IN_CHAIN,"
            + " which OpenLDAP does not implement.")
    private boolean nestedGroups;

    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.ldap.caSecretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the PEM CA bundle the directory's certificate is verified with"
            + " (default: the image's public CAs). Mounted into the pod; dfs re-reads it on every connection, so a"
            + " rotation needs no restart.")
    private SecretKeySelector caSecretRef;

    @Default("false")
    @JsonPropertyDescription("Do not verify the directory's certificate. For test directories only.")
    private boolean insecureSkipVerify;

    /** The directory, when the spec declares one and turns it on. */
    public static java.util.Optional<LdapSpec> enabledIn(DittoServerSpec spec) {
        return java.util.Optional.ofNullable(spec.getIdentity()).map(IdentitySpec::getLdap)
                .filter(LdapSpec::isEnabled);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public boolean isStartTLS() {
        return startTLS;
    }

    public void setStartTLS(boolean startTLS) {
        this.startTLS = startTLS;
    }

    public boolean isAllowPlaintext() {
        return allowPlaintext;
    }

    public void setAllowPlaintext(boolean allowPlaintext) {
        this.allowPlaintext = allowPlaintext;
    }

    public String getBaseDN() {
        return baseDN;
    }

    public void setBaseDN(String baseDN) {
        this.baseDN = baseDN;
    }

    public String getBindDN() {
        return bindDN;
    }

    public void setBindDN(String bindDN) {
        this.bindDN = bindDN;
    }

    public SecretKeySelector getBindPasswordSecretRef() {
        return bindPasswordSecretRef;
    }

    public void setBindPasswordSecretRef(SecretKeySelector bindPasswordSecretRef) {
        this.bindPasswordSecretRef = bindPasswordSecretRef;
    }

    public String getUserAttr() {
        return userAttr;
    }

    public void setUserAttr(String userAttr) {
        this.userAttr = userAttr;
    }

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public IdmapMode getIdmap() {
        return idmap;
    }

    public void setIdmap(IdmapMode idmap) {
        this.idmap = idmap;
    }

    public boolean isNestedGroups() {
        return nestedGroups;
    }

    public void setNestedGroups(boolean nestedGroups) {
        this.nestedGroups = nestedGroups;
    }

    public SecretKeySelector getCaSecretRef() {
        return caSecretRef;
    }

    public void setCaSecretRef(SecretKeySelector caSecretRef) {
        this.caSecretRef = caSecretRef;
    }

    public boolean isInsecureSkipVerify() {
        return insecureSkipVerify;
    }

    public void setInsecureSkipVerify(boolean insecureSkipVerify) {
        this.insecureSkipVerify = insecureSkipVerify;
    }
}
