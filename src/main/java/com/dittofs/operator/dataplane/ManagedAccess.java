package com.dittofs.operator.dataplane;

/** What the operator records of dfs's users and groups (from the status); see {@link Ownership}. */
public record ManagedAccess(Ownership users, Ownership groups) {

    public static ManagedAccess none() {
        return new ManagedAccess(Ownership.none(), Ownership.none());
    }
}
