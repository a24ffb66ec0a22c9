package com.dittofs.operator.dfsclient;

import java.util.Optional;

/** The identity-provider calls of the data-plane sync (unit tests put an in-memory dfs behind it). */
public interface IdentityProviderApi {

    Optional<LdapProviderConfig> ldapConfig();

    LdapProviderConfig putLdapConfig(LdapProviderConfig config);

    ProviderTestResult testLdap(LdapProviderConfig config);

    Optional<KerberosProviderConfig> kerberosConfig();

    KerberosProviderConfig putKerberosConfig(KerberosProviderConfig config);
}
