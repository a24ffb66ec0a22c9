package com.dittofs.operator.dataplane;

import java.util.List;

/**
 * The outcome of one convergence pass.
 *
 * @param shares each declared present share with its state, in spec order
 * @param ownedShares the shares the operator created or adopted, as known after the pass (also a failed one)
 * @param changes human-readable descriptions of the changes made (adoptions included), for events
 * @param problem the first problem, if any: the server's own message
 * @param failure why the pass stopped early, or null when it ran to the end (share problems are in {@code shares})
 * @param access users, groups and share access (their problem is in {@code access.problem()})
 * @param undeclaredShares shares the operator created that are no longer declared: left in dfs
 * @param policies the snapshot policies the operator created or adopted, and those it no longer declares; null when
 *                 the pass did not get that far (the record stays as it was)
 */
public record DataPlaneReport(List<ShareState> shares, Ownership ownedShares, List<String> changes,
        String problem, SyncFailure failure, AccessReport access, List<String> undeclaredShares,
        SnapshotPolicySync.Result policies) {

    public DataPlaneReport(List<ShareState> shares, Ownership ownedShares, List<String> changes, String problem,
            SyncFailure failure, AccessReport access, List<String> undeclaredShares) {
        this(shares, ownedShares, changes, problem, failure, access, undeclaredShares, null);
    }

    public DataPlaneReport(List<ShareState> shares, Ownership ownedShares, List<String> changes,
            String problem, SyncFailure failure) {
        this(shares, ownedShares, changes, problem, failure, AccessReport.untouched(ManagedAccess.none()), List.of());
    }

    /** A declared share and whether dfs serves it as declared. */
    public record ShareState(String name, boolean ready, String message) {
    }

    public boolean converged() {
        return problem == null && shares.stream().allMatch(ShareState::ready) && access.problem() == null;
    }

    /** What the operator created and no longer declares, e.g. "share /old", "user bob": each stays in dfs. */
    public List<String> undeclared() {
        List<String> policiesLeft = policies == null ? List.of()
                : policies.undeclared().stream().map(s -> "snapshot policy " + s).toList();
        return java.util.stream.Stream.of(undeclaredShares.stream().map(s -> "share " + s),
                access.undeclared().stream(), policiesLeft.stream()).flatMap(s -> s).toList();
    }
}
