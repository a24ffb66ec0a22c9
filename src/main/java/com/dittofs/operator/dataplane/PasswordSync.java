package com.dittofs.operator.dataplane;

import java.util.List;

import com.dittofs.operator.dataplane.DesiredAccess.DesiredUser;
import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.DfsApiException;

/**
 * Keeps a declared user's password in dfs equal to its Secret. A password is checked by logging in as the user,
 * only when it is not the one this process last set or verified; it is reset (login hash and NT hash) when dfs
 * refuses it. A disabled user cannot log in, so its password is left alone until it is enabled again: resetting
 * it on every operator start would only be noise.
 */
final class PasswordSync {

    private final AccessApi dfs;
    private final PasswordLedger ledger;
    private final String server;
    private final List<String> changes;

    PasswordSync(AccessApi dfs, PasswordLedger ledger, String server, List<String> changes) {
        this.dfs = dfs;
        this.ledger = ledger;
        this.server = server;
        this.changes = changes;
    }

    /** A user just created with this password: dfs forces a first change on admins, done here. */
    void created(DesiredUser want, String password) {
        if (want.enabled() && isAdmin(want)) {
            dfs.loginAs(want.name(), password);
        }
        ledger.record(server, want.name(), password);
    }

    /**
     * Before a disabled user is enabled again: a password this process has not set or verified is reset while the
     * user still cannot log in (a login check needs it enabled, and an old password must not work meanwhile).
     *
     * @return whether dfs now asks the user for a first change (reset admins)
     */
    boolean beforeEnabling(DesiredUser want, String password) {
        if (ledger.matches(server, want.name(), password)) {
            return false;
        }
        reset(want, password);
        return isAdmin(want);
    }

    /** An enabled user: checks the password by logging in, resets it when dfs refuses it. */
    void check(DesiredUser want, String password, boolean mustChange) {
        if (ledger.matches(server, want.name(), password) && !mustChange) {
            return;
        }
        try {
            dfs.loginAs(want.name(), password); // also completes a first change dfs asks of admins
            ledger.record(server, want.name(), password);
            return;
        } catch (DfsApiException e) {
            if (e.kind() != DfsApiException.Kind.HTTP_STATUS || e.status() != 401) {
                throw e;
            }
        }
        reset(want, password);
        if (isAdmin(want)) {
            dfs.loginAs(want.name(), password);
        }
    }

    void forget(String user) {
        ledger.forget(server, user);
    }

    private void reset(DesiredUser want, String password) {
        dfs.resetPassword(want.name(), password);
        ledger.record(server, want.name(), password);
        changes.add("Reset the password of user " + want.name());
    }

    private static boolean isAdmin(DesiredUser want) {
        return "admin".equals(want.role());
    }
}
