package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.dittofs.operator.dfsclient.KerberosProviderConfig;
import org.junit.jupiter.api.Test;

class KerberosSyncTest {

    private static final String SERVER = "https://10.0.0.1:8080";
    private final IdentityProviderSyncTest.FakeDirectoryApi dfs = new IdentityProviderSyncTest.FakeDirectoryApi();
    private final PasswordLedger ledger = new PasswordLedger();

    private static DesiredKerberos desired(String principal, DesiredKerberos.MachineAccount account) {
        return new DesiredKerberos(principal, null, "EXAMPLE", null, "/identity/kerberos/keytab",
                "/identity/krb5/krb5.conf", account, null);
    }

    /** What dfs seeds from the file on first boot: realm and DNS domain derived from the principal. */
    private void seeded(String principal) {
        dfs.kerberos = new KerberosProviderConfig(true, "/identity/kerberos/keytab", principal, "EXAMPLE.COM",
                "EXAMPLE", "example.com", "/identity/krb5/krb5.conf", "5m0s", "8h0m0s", 10000,
                new KerberosProviderConfig.MachineAccount(false, null, null, null));
    }

    private KerberosSync.Report sync(DesiredKerberos want) {
        dfs.calls.clear();
        return KerberosSync.converge(dfs, want, ledger, SERVER);
    }

    @Test
    void whatDfsSeededOnFirstBootNeedsNoWriteAndNoRestart() {
        seeded("cifs/files.example.com@EXAMPLE.COM");
        var report = sync(desired("cifs/files.example.com@EXAMPLE.COM", null));
        assertThat(report.changes()).isEmpty();
        assertThat(report.restart()).isFalse();
        assertThat(dfs.calls).containsExactly("GET kerberos");
    }

    @Test
    void anEditedPrincipalIsStoredAndAsksForOneRestart() {
        seeded("cifs/files.example.com@EXAMPLE.COM");
        var report = sync(desired("cifs/nas.example.com@EXAMPLE.COM", null));
        assertThat(report.restart()).isTrue();
        assertThat(dfs.kerberos.servicePrincipal()).isEqualTo("cifs/nas.example.com@EXAMPLE.COM");
        assertThat(dfs.kerberos.realm()).isEqualTo("EXAMPLE.COM"); // dfs's derived value kept
        assertThat(dfs.kerberos.maxClockSkew()).isEqualTo("5m0s");
        // after the restart dfs reads what it stored: nothing more to do
        assertThat(sync(desired("cifs/nas.example.com@EXAMPLE.COM", null)).restart()).isFalse();
        assertThat(dfs.calls).containsExactly("GET kerberos");
    }

    @Test
    void aFirstMachineAccountRestartsDfsOnceAndItsPasswordIsSentAgainWhenItChangesWithoutOne() {
        seeded("cifs/files.example.com@EXAMPLE.COM");
        var account = new DesiredKerberos.MachineAccount("DITTOFS$", List.of("dc1.example.com"), "machine-pw-1");
        var first = sync(desired("cifs/files.example.com@EXAMPLE.COM", account));
        assertThat(first.restart()).as("dfs wires NETLOGON only at start, with a machine account then").isTrue();
        assertThat(first.changes()).containsExactly("Enabled the Kerberos machine account (applied by a restart)");
        assertThat(dfs.kerberos.machineAccount().secret()).isEqualTo("machine-pw-1");
        // dfs shows the secret redacted: the ledger says it is the one already sent
        dfs.kerberos = new KerberosProviderConfig(true, dfs.kerberos.keytabPath(), dfs.kerberos.servicePrincipal(),
                dfs.kerberos.realm(), dfs.kerberos.netbiosDomain(), dfs.kerberos.dnsDomain(), dfs.kerberos.krb5Conf(),
                null, null, null, new KerberosProviderConfig.MachineAccount(true, "DITTOFS$",
                        List.of("dc1.example.com"), "********"));
        assertThat(sync(desired("cifs/files.example.com@EXAMPLE.COM", account)).changes()).isEmpty();
        var rotated = new DesiredKerberos.MachineAccount("DITTOFS$", List.of("dc1.example.com"), "machine-pw-2");
        var again = sync(desired("cifs/files.example.com@EXAMPLE.COM", rotated));
        assertThat(again.changes()).containsExactly("Set the Kerberos machine account");
        assertThat(again.restart()).isFalse();
        assertThat(dfs.kerberos.machineAccount().secret()).isEqualTo("machine-pw-2");
    }

    @Test
    void aRemovedBlockTurnsKerberosOffWithARestart() {
        seeded("cifs/files.example.com@EXAMPLE.COM");
        var report = sync(null);
        assertThat(report.restart()).isTrue();
        assertThat(dfs.kerberos.enabled()).isFalse();
        assertThat(sync(null).restart()).isFalse();
    }

    @Test
    void aMissingMachineSecretIsReportedWithoutCallingDfs() {
        var report = sync(new DesiredKerberos("cifs/a@B", null, null, null, "k", "c", null, "Secret \"m\" not found"));
        assertThat(report.problem().kind()).isEqualTo(IdentityProviderSync.Kind.SECRET_MISSING);
        assertThat(dfs.calls).isEmpty();
    }

    @Test
    void settingsDfsRefusesAreReported() {
        dfs.refuse = "netbios_domain \"A.B\" must be a single label";
        var report = sync(desired("cifs/files.example.com@EXAMPLE.COM", null));
        assertThat(report.problem().kind()).isEqualTo(IdentityProviderSync.Kind.REJECTED);
        assertThat(report.restart()).isFalse();
    }
}
