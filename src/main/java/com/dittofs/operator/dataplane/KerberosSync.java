package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.IdentityProviderApi;
import com.dittofs.operator.dfsclient.KerberosProviderConfig;

/**
 * Keeps dfs's Kerberos provider equal to the spec. dfs seeds it from its config file on first boot only; later it
 * reads its database, so an edited principal or realm, a removed block and the machine account's password reach it
 * through the REST API only. dfs binds the service principal, realm and keytab when it starts: a change of those asks
 * for a restart ({@link Report#restart()}). So does a machine account dfs held none of: dfs v0.29.0 builds its NETLOGON
 * authenticator only when it starts, and only with a machine account enabled then (cmd/dfs buildNetlogonAuthenticator);
 * once it has one, a new password, account name or DC list applies at once (the SMB adapter's hot reload), as does
 * turning it off.
 */
public final class KerberosSync {

    /** The ledger's user name for the machine-account password: ':' never appears in a dfs user name. */
    static final String LEDGER_ENTRY = "identity-provider:kerberos-machine";

    /**
     * @param restart whether dfs must restart to apply what it now stores
     * @param problem null when dfs holds what the spec asks
     */
    public record Report(List<String> changes, IdentityProviderSync.Problem problem, boolean restart) {
    }

    private KerberosSync() {
    }

    /** @param desired null: dfs should hold no enabled Kerberos provider */
    public static Report converge(IdentityProviderApi dfs, DesiredKerberos desired, PasswordLedger ledger,
            String server) {
        List<String> changes = new ArrayList<>();
        if (desired != null && desired.missing() != null) {
            return new Report(changes, new IdentityProviderSync.Problem(IdentityProviderSync.Kind.SECRET_MISSING,
                    desired.missing()), false);
        }
        Optional<KerberosProviderConfig> have = dfs.kerberosConfig();
        if (desired == null) {
            if (have.isEmpty() || !have.get().enabled()) {
                return new Report(changes, null, false);
            }
            KerberosProviderConfig h = have.get();
            put(dfs, new KerberosProviderConfig(false, h.keytabPath(), h.servicePrincipal(), h.realm(),
                    h.netbiosDomain(), h.dnsDomain(), h.krb5Conf(), h.maxClockSkew(), h.contextTtl(), h.maxContexts(),
                    noMachineAccount()));
            ledger.forget(server, LEDGER_ENTRY);
            changes.add("Disabled the Kerberos identity provider");
            return new Report(changes, null, true);
        }
        boolean policy = have.map(h -> !samePolicy(h, desired)).orElse(true);
        boolean machine = have.map(h -> !sameMachineAccount(h.machineAccount(), desired.machineAccount()))
                .orElse(desired.machineAccount() != null)
                || desired.machineAccount() != null
                        && !ledger.matches(server, LEDGER_ENTRY, desired.machineAccount().secret());
        if (!policy && !machine) {
            return new Report(changes, null, false);
        }
        KerberosProviderConfig h = have.orElse(null);
        var m = desired.machineAccount();
        try {
            put(dfs, new KerberosProviderConfig(true, desired.keytabPath(), desired.servicePrincipal(),
                    or(desired.realm(), h == null ? null : h.realm()),
                    or(desired.netbiosDomain(), h == null ? null : h.netbiosDomain()),
                    or(desired.dnsDomain(), h == null ? null : h.dnsDomain()), desired.krb5ConfPath(),
                    h == null ? null : h.maxClockSkew(), h == null ? null : h.contextTtl(),
                    h == null ? null : h.maxContexts(),
                    m == null ? noMachineAccount()
                            : new KerberosProviderConfig.MachineAccount(true, m.accountName(), m.dcAddress(),
                                    m.secret())));
        } catch (DfsApiException e) {
            if (e.kind() != DfsApiException.Kind.HTTP_STATUS || e.status() != 400) {
                throw e;
            }
            return new Report(changes, new IdentityProviderSync.Problem(IdentityProviderSync.Kind.REJECTED,
                    "dfs refused spec.identity.kerberos: " + e.getMessage()), false);
        }
        if (m != null) {
            ledger.record(server, LEDGER_ENTRY, m.secret());
        } else {
            ledger.forget(server, LEDGER_ENTRY);
        }
        boolean firstMachineAccount = m != null && (h == null || h.machineAccount() == null
                || !h.machineAccount().enabled());
        changes.add(policy ? "Configured the Kerberos identity provider (applied by a restart)"
                : firstMachineAccount ? "Enabled the Kerberos machine account (applied by a restart)"
                        : "Set the Kerberos machine account");
        return new Report(changes, null, policy || firstMachineAccount);
    }

    private static void put(IdentityProviderApi dfs, KerberosProviderConfig config) {
        dfs.putKerberosConfig(config);
    }

    /** What the spec sets; a realm or domain it leaves out is dfs's to derive. Paths are always the file's. */
    static boolean samePolicy(KerberosProviderConfig have, DesiredKerberos want) {
        return have.enabled()
                && Objects.equals(have.servicePrincipal(), want.servicePrincipal())
                && (want.realm() == null || want.realm().equals(have.realm()))
                && (want.netbiosDomain() == null || want.netbiosDomain().equals(have.netbiosDomain()))
                && (want.dnsDomain() == null || want.dnsDomain().equals(have.dnsDomain()));
    }

    static boolean sameMachineAccount(KerberosProviderConfig.MachineAccount have, DesiredKerberos.MachineAccount want) {
        boolean enabled = have != null && have.enabled();
        if (want == null) {
            return !enabled;
        }
        List<String> dcs = want.dcAddress() == null ? List.of() : want.dcAddress();
        return enabled && Objects.equals(have.accountName(), want.accountName())
                && Objects.equals(have.dcAddress() == null ? List.of() : have.dcAddress(), dcs);
    }

    private static KerberosProviderConfig.MachineAccount noMachineAccount() {
        return new KerberosProviderConfig.MachineAccount(false, null, null, null);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
