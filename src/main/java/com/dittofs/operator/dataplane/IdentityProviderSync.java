package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.IdentityProviderApi;
import com.dittofs.operator.dfsclient.LdapProviderConfig;
import com.dittofs.operator.dfsclient.ProviderTestResult;

/**
 * Keeps dfs's LDAP provider equal to the spec. dfs seeds it from its config file on first boot only and reads its
 * database afterwards, so the REST API is the only way an edit, a removal or a new bind password reaches it. The
 * settings are compared with what dfs shows; the password, which dfs never shows, through the ledger: it is sent again
 * when it is not the one this process last saw bind. After a PUT, dfs dials and binds with what it stored (its test
 * call), so a wrong password, CA or address is reported now rather than at the first login. With a CA file that call
 * is made on every pass: a rotated CA Secret reaches dfs's file without the operator (the kubelet), and dfs reads it at
 * each connection, without a restart.
 */
public final class IdentityProviderSync {

    /** The ledger's user name for the bind password: ':' never appears in a dfs user name. */
    static final String LEDGER_ENTRY = "identity-provider:ldap";

    /** What the sync did, and the problem it found (null when dfs holds what the spec asks). */
    public record Report(List<String> changes, Problem problem) {
    }

    public enum Kind {
        /** A referenced Secret or key is missing. */
        SECRET_MISSING,
        /** dfs refused the settings, or could not bind to the directory with them. */
        REJECTED,
        /** dfs could not verify the directory's TLS certificate (the CA, or the url's host name). */
        NOT_TRUSTED
    }

    public record Problem(Kind kind, String message) {
    }

    private IdentityProviderSync() {
    }

    public static Report converge(IdentityProviderApi dfs, DesiredIdentity desired, PasswordLedger ledger,
            String server) {
        List<String> changes = new ArrayList<>();
        if (desired.missing() != null) {
            return new Report(changes, new Problem(Kind.SECRET_MISSING, desired.missing()));
        }
        Optional<LdapProviderConfig> have = dfs.ldapConfig();
        if (desired.ldap() == null) {
            if (have.isPresent() && have.get().enabled()) {
                dfs.putLdapConfig(have.get().disabled());
                ledger.forget(server, LEDGER_ENTRY);
                changes.add("Disabled the LDAP identity provider");
            }
            return new Report(changes, null);
        }
        boolean same = have.map(h -> sameSettings(h, desired.ldap())).orElse(false);
        boolean put = !same || !ledger.matches(server, LEDGER_ENTRY, desired.bindPassword());
        boolean caFile = tls(desired.ldap()).caCertFile() != null;
        if (!put && !caFile) {
            return new Report(changes, null);
        }
        if (put) {
            try {
                dfs.putLdapConfig(desired.ldap().withPassword(desired.bindPassword()));
            } catch (DfsApiException e) {
                if (e.kind() != DfsApiException.Kind.HTTP_STATUS || e.status() != 400) {
                    throw e;
                }
                return new Report(changes, new Problem(Kind.REJECTED, "dfs refused spec.identity.ldap: "
                        + e.getMessage()));
            }
            changes.add(same ? "Set the LDAP bind password" : "Configured the LDAP identity provider");
        }
        // with a CA file, every pass: dfs reads the file at each connection, and the kubelet refreshes it some time
        // after its Secret changed, so only a later test sees a rotated (or wrong) CA
        var test = dfs.testLdap(desired.ldap().withPassword(null));
        if (!test.ok()) {
            // not recorded: the next pass sends and tests again, so a directory that comes back is picked up
            ledger.forget(server, LEDGER_ENTRY);
            return new Report(changes, problem(desired.ldap(), test));
        }
        ledger.record(server, LEDGER_ENTRY, desired.bindPassword());
        return new Report(changes, null);
    }

    /** A certificate dfs could not verify is told apart: the CA (or the url's host name) is what to fix. */
    static Problem problem(LdapProviderConfig ldap, ProviderTestResult test) {
        String where = ldap.url() + " as " + ldap.bindDn() + " (" + test.stage() + "): " + test.message();
        String message = test.message() == null ? "" : test.message();
        if (message.contains("x509:") || message.contains("tls: failed to verify")) {
            return new Problem(Kind.NOT_TRUSTED, "dfs does not trust the directory's certificate at " + where
                    + (tls(ldap).caCertFile() != null
                            ? ". spec.identity.ldap.caSecretRef must hold the CA that signed it, for the url's host"
                                    + " name"
                            : ". Set spec.identity.ldap.caSecretRef to the CA that signed it"));
        }
        return new Problem(Kind.REJECTED, "dfs cannot bind to " + where);
    }

    /** Every setting but the password, with dfs's defaults applied to what the spec leaves out. */
    static boolean sameSettings(LdapProviderConfig have, LdapProviderConfig want) {
        return have.enabled() == want.enabled()
                && Objects.equals(have.url(), want.url())
                && have.startTls() == want.startTls()
                && have.allowPlaintext() == want.allowPlaintext()
                && Objects.equals(have.baseDn(), want.baseDn())
                && Objects.equals(have.bindDn(), want.bindDn())
                && Objects.equals(have.userAttr(), want.userAttr())
                && Objects.equals(blank(have.realm()), blank(want.realm()))
                && Objects.equals(have.idmap(), want.idmap())
                && have.nestedGroups() == want.nestedGroups()
                && Objects.equals(tls(have).caCertFile(), tls(want).caCertFile())
                && tls(have).insecureSkipVerify() == tls(want).insecureSkipVerify();
    }

    private static LdapProviderConfig.Tls tls(LdapProviderConfig config) {
        LdapProviderConfig.Tls tls = config.tls() == null ? new LdapProviderConfig.Tls(null, false) : config.tls();
        return new LdapProviderConfig.Tls(blank(tls.caCertFile()), tls.insecureSkipVerify());
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
