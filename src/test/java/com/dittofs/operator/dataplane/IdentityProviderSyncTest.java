package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.IdentityProviderApi;
import com.dittofs.operator.dfsclient.KerberosProviderConfig;
import com.dittofs.operator.dfsclient.LdapProviderConfig;
import com.dittofs.operator.dfsclient.ProviderTestResult;
import org.junit.jupiter.api.Test;

class IdentityProviderSyncTest {

    private static final String SERVER = "https://10.0.0.1:8080";
    private static final LdapProviderConfig LDAP = new LdapProviderConfig(true, "ldap://dir:389", false, true,
            "dc=test", "cn=svc,dc=test", null, "sAMAccountName", null, "rfc2307", false,
            new LdapProviderConfig.Tls(null, false));

    /** dfs's LDAP row as its API shows it: the password redacted, defaults applied. */
    static final class FakeDirectoryApi implements IdentityProviderApi {
        LdapProviderConfig stored;
        String storedPassword;
        String directoryPassword = "pw-1";
        final List<String> calls = new ArrayList<>();
        String refuse;
        /** What the directory's certificate check says, or null when dfs trusts it. */
        String untrusted;

        @Override
        public Optional<LdapProviderConfig> ldapConfig() {
            calls.add("GET");
            return Optional.ofNullable(stored).map(s -> s.withPassword(storedPassword == null ? null : "********"));
        }

        @Override
        public LdapProviderConfig putLdapConfig(LdapProviderConfig config) {
            calls.add("PUT enabled=" + config.enabled());
            if (refuse != null) {
                throw com.dittofs.operator.dfsclient.DfsErrors.http(400, refuse);
            }
            if (config.bindPassword() != null && !config.bindPassword().isEmpty()) {
                storedPassword = config.bindPassword();
            }
            stored = config.withPassword(null);
            return stored;
        }

        KerberosProviderConfig kerberos;

        @Override
        public Optional<KerberosProviderConfig> kerberosConfig() {
            calls.add("GET kerberos");
            return Optional.ofNullable(kerberos);
        }

        @Override
        public KerberosProviderConfig putKerberosConfig(KerberosProviderConfig config) {
            calls.add("PUT kerberos enabled=" + config.enabled());
            if (refuse != null) {
                throw com.dittofs.operator.dfsclient.DfsErrors.http(400, refuse);
            }
            kerberos = config;
            return config;
        }

        @Override
        public ProviderTestResult testLdap(LdapProviderConfig config) {
            calls.add("TEST");
            if (untrusted != null) {
                return new ProviderTestResult(false, "connect", untrusted);
            }
            return directoryPassword.equals(storedPassword) ? new ProviderTestResult(true, null, "dial + bind succeeded")
                    : new ProviderTestResult(false, "connect", "LDAP Result Code 49 \"Invalid Credentials\"");
        }
    }

    private final FakeDirectoryApi dfs = new FakeDirectoryApi();
    private final PasswordLedger ledger = new PasswordLedger();

    private IdentityProviderSync.Report sync(DesiredIdentity desired) {
        dfs.calls.clear();
        return IdentityProviderSync.converge(dfs, desired, ledger, SERVER);
    }

    @Test
    void setsTheDirectoryOnceThenOnlyReads() {
        var first = sync(new DesiredIdentity(LDAP, "pw-1", null));
        assertThat(first.problem()).isNull();
        assertThat(first.changes()).containsExactly("Configured the LDAP identity provider");
        assertThat(dfs.calls).containsExactly("GET", "PUT enabled=true", "TEST");
        assertThat(dfs.storedPassword).isEqualTo("pw-1");

        var again = sync(new DesiredIdentity(LDAP, "pw-1", null));
        assertThat(again.changes()).isEmpty();
        assertThat(dfs.calls).containsExactly("GET");
    }

    @Test
    void aRotatedBindPasswordReachesDfs() {
        sync(new DesiredIdentity(LDAP, "pw-1", null));
        dfs.directoryPassword = "pw-2";
        var rotated = sync(new DesiredIdentity(LDAP, "pw-2", null));
        assertThat(rotated.problem()).isNull();
        assertThat(rotated.changes()).containsExactly("Set the LDAP bind password");
        assertThat(dfs.storedPassword).isEqualTo("pw-2");
    }

    @Test
    void anEditedSettingIsSentAgain() {
        sync(new DesiredIdentity(LDAP, "pw-1", null));
        var edited = new LdapProviderConfig(true, LDAP.url(), false, true, "ou=people,dc=test", LDAP.bindDn(), null,
                "uid", null, "rfc2307", false, LDAP.tls());
        assertThat(sync(new DesiredIdentity(edited, "pw-1", null)).changes())
                .containsExactly("Configured the LDAP identity provider");
        assertThat(dfs.stored.baseDn()).isEqualTo("ou=people,dc=test");
        assertThat(dfs.stored.userAttr()).isEqualTo("uid");
    }

    @Test
    void aRemovedDirectoryIsTurnedOffInDfs() {
        sync(new DesiredIdentity(LDAP, "pw-1", null));
        var removed = sync(DesiredIdentity.none());
        assertThat(removed.changes()).containsExactly("Disabled the LDAP identity provider");
        assertThat(dfs.stored.enabled()).isFalse();
        assertThat(sync(DesiredIdentity.none()).changes()).isEmpty();
        assertThat(dfs.calls).containsExactly("GET");
    }

    @Test
    void noDirectoryDeclaredAndNoneInDfsWritesNothing() {
        assertThat(sync(DesiredIdentity.none()).changes()).isEmpty();
        assertThat(dfs.calls).containsExactly("GET");
    }

    @Test
    void aMissingSecretIsReportedWithoutCallingDfs() {
        var report = sync(new DesiredIdentity(LDAP, null, "Secret \"ldap-bind\" not found"));
        assertThat(report.problem().kind()).isEqualTo(IdentityProviderSync.Kind.SECRET_MISSING);
        assertThat(report.problem().message()).contains("ldap-bind");
        assertThat(dfs.calls).isEmpty();
    }

    @Test
    void aBindThatFailsIsReportedAndTriedAgainNextPass() {
        dfs.directoryPassword = "other";
        var failed = sync(new DesiredIdentity(LDAP, "pw-1", null));
        assertThat(failed.problem().kind()).isEqualTo(IdentityProviderSync.Kind.REJECTED);
        assertThat(failed.problem().message()).contains("Invalid Credentials").contains("cn=svc,dc=test")
                .doesNotContain("pw-1");
        dfs.directoryPassword = "pw-1";
        assertThat(sync(new DesiredIdentity(LDAP, "pw-1", null)).problem()).isNull();
        assertThat(dfs.calls).containsExactly("GET", "PUT enabled=true", "TEST");
    }

    @Test
    void settingsDfsRefusesAreReported() {
        dfs.refuse = "ldap.url uses plaintext ldap://";
        var refused = sync(new DesiredIdentity(LDAP, "pw-1", null));
        assertThat(refused.problem().kind()).isEqualTo(IdentityProviderSync.Kind.REJECTED);
        assertThat(refused.problem().message()).contains("plaintext");
    }

    private static final LdapProviderConfig LDAPS = new LdapProviderConfig(true, "ldaps://dir.example.com:636", false,
            false, "dc=test", "cn=svc,dc=test", null, "sAMAccountName", null, "rfc2307", false,
            new LdapProviderConfig.Tls("/identity/ldap-ca/ca.crt", false));

    /** dfs reads the CA file at each connection, and the kubelet refreshes it later than the Secret changes. */
    @Test
    void withACaFileEveryPassHasDfsBindAgainButSendsNothing() {
        assertThat(sync(new DesiredIdentity(LDAPS, "pw-1", null)).problem()).isNull();
        var again = sync(new DesiredIdentity(LDAPS, "pw-1", null));
        assertThat(again.problem()).isNull();
        assertThat(again.changes()).isEmpty();
        assertThat(dfs.calls).containsExactly("GET", "TEST");
    }

    @Test
    void aCertificateTheCaDidNotSignIsNotTrustedAndSaysWhatToFix() {
        sync(new DesiredIdentity(LDAPS, "pw-1", null));
        dfs.untrusted = "dial ldaps://dir.example.com:636: LDAP Result Code 200 \"Network Error\": tls: failed to"
                + " verify certificate: x509: certificate signed by unknown authority";
        var rotatedWrong = sync(new DesiredIdentity(LDAPS, "pw-1", null));
        assertThat(rotatedWrong.problem().kind()).isEqualTo(IdentityProviderSync.Kind.NOT_TRUSTED);
        assertThat(rotatedWrong.problem().message()).contains("does not trust").contains("unknown authority")
                .contains("spec.identity.ldap.caSecretRef").contains("ldaps://dir.example.com:636");
        assertThat(dfs.calls).as("nothing to send: the file is the pod's").containsExactly("GET", "TEST");
        dfs.untrusted = null;
        assertThat(sync(new DesiredIdentity(LDAPS, "pw-1", null)).problem()).isNull();
        var plain = IdentityProviderSync.problem(LDAP, new ProviderTestResult(false, "connect",
                "ldap StartTLS upgrade failed: tls: failed to verify certificate: x509: certificate is valid for a,"
                        + " not dir"));
        assertThat(plain.kind()).isEqualTo(IdentityProviderSync.Kind.NOT_TRUSTED);
        assertThat(plain.message()).contains("Set spec.identity.ldap.caSecretRef");
    }
}
