package com.dittofs.operator.dataplane;

import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.DataPlaneApi;

/** {@link DataPlaneSync#converge} as tests call it most: nothing recorded of users and groups, an empty ledger. */
final class Converge {

    private Converge() {
    }

    /** Access is synced when the test's dfs implements {@link AccessApi}, and left alone otherwise. */
    static DataPlaneReport converge(DataPlaneApi dfs, DesiredDataPlane desired, Ownership shares) {
        AccessApi access = dfs instanceof AccessApi a ? a : null;
        return DataPlaneSync.converge(dfs, access, null, desired, shares, ManagedAccess.none(), Ownership.none(),
                new PasswordLedger(), "");
    }
}
