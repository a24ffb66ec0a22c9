package com.dittofs.operator.dataplane;

import java.util.List;

/**
 * The outcome of one convergence pass.
 *
 * @param shares each declared share with its state, in spec order
 * @param managedShares the shares the operator created or owns now (the next pass deletes the ones that leave the
 *                      spec)
 * @param changes human-readable descriptions of the changes made, for events
 * @param problem the first problem, if any: the server's own message
 * @param failure why the pass stopped early, or null when it ran to the end (share problems are in {@code shares})
 * @param access users, groups and share access (their problem is in {@code access.problem()})
 */
public record DataPlaneReport(List<ShareState> shares, List<String> managedShares, List<String> changes,
        String problem, SyncFailure failure, AccessReport access) {

    public DataPlaneReport(List<ShareState> shares, List<String> managedShares, List<String> changes,
            String problem, SyncFailure failure) {
        this(shares, managedShares, changes, problem, failure, AccessReport.untouched(ManagedAccess.none()));
    }

    /** A declared share and whether dfs serves it as declared. */
    public record ShareState(String name, boolean ready, String message) {
    }

    public boolean converged() {
        return problem == null && shares.stream().allMatch(ShareState::ready) && access.problem() == null;
    }
}
