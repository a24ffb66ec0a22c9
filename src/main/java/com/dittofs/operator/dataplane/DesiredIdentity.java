package com.dittofs.operator.dataplane;

import com.dittofs.operator.dfsclient.LdapProviderConfig;

/**
 * The LDAP provider dfs should hold, from spec.identity.ldap and its Secrets.
 *
 * @param ldap the settings without the password, or null: dfs should hold no enabled LDAP provider
 * @param bindPassword the password from bindPasswordSecretRef, or null when {@code missing} says why there is none
 * @param missing a missing Secret or key (naming it, never a value), or null
 */
public record DesiredIdentity(LdapProviderConfig ldap, String bindPassword, String missing) {

    public static DesiredIdentity none() {
        return new DesiredIdentity(null, null, null);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "DesiredIdentity[" + ldap + (missing == null ? "" : ", missing=" + missing) + "]";
    }
}
