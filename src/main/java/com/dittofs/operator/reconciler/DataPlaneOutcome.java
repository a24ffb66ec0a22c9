package com.dittofs.operator.reconciler;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.ShareStatus;

/**
 * What the data-plane step found, as the status needs it.
 *
 * @param ready whether dfs holds the declared adapters, stores and shares
 * @param reason CamelCase reason of the DataPlaneReady condition
 * @param message human message, the server's own words on failure
 * @param shares the declared shares and their state, or null when the server was not reached
 * @param managedShares shares the operator manages after this pass (unchanged when the server was not reached)
 */
record DataPlaneOutcome(boolean ready, String reason, String message, List<ShareStatus> shares,
        List<String> managedShares) {

    static final String CONVERGED = "Converged";
    static final String NOT_MANAGED = "NotManaged";
    static final String WAITING_FOR_SERVER = "WaitingForServer";
    static final String UNREACHABLE = "ServerUnreachable";
    static final String API_ERROR = "ApiError";

    /** True when a later pass may succeed without anything else changing: try again after a backoff. */
    boolean retryable() {
        return UNREACHABLE.equals(reason) || API_ERROR.equals(reason);
    }
}
