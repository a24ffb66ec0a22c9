package com.dittofs.operator.dataplane;

import java.util.List;

/**
 * The Kerberos provider dfs should hold, from spec.identity.kerberos. A null realm, NetBIOS or DNS domain leaves dfs's
 * value (derived from the principal on first boot) alone.
 *
 * @param keytabPath where the pod mounts the keytab
 * @param krb5ConfPath where the pod mounts krb5.conf
 * @param machineAccount the NETLOGON account, or null for none
 * @param missing a missing Secret or key of the machine account (naming it, never a value), or null
 */
public record DesiredKerberos(String servicePrincipal, String realm, String netbiosDomain, String dnsDomain,
        String keytabPath, String krb5ConfPath, MachineAccount machineAccount, String missing) {

    /** @param secret the account's password, never shown */
    public record MachineAccount(String accountName, List<String> dcAddress, String secret) {

        @Override
        public String toString() {
            return "MachineAccount[" + accountName + ", " + dcAddress + "]";
        }
    }
}
