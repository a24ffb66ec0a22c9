package com.dittofs.operator.reconciler;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.ShareStatus;

import static com.dittofs.operator.reconciler.ConditionTypes.REASON_API_ERROR;
import static com.dittofs.operator.reconciler.ConditionTypes.REASON_SERVER_UNREACHABLE;

/**
 * What the data-plane step found, as the status needs it.
 *
 * @param ready whether dfs holds the declared adapters, stores and shares
 * @param reason CamelCase reason of the DataPlaneReady condition (one of ConditionTypes.REASON_*)
 * @param message human message, the server's own words on failure
 * @param shares the declared shares and their state, or null when the server was not reached
 * @param managedShares shares the operator manages after this pass (unchanged when the server was not reached)
 */
record DataPlaneOutcome(boolean ready, String reason, String message, List<ShareStatus> shares,
        List<String> managedShares) {

    /** True when a later pass may succeed without anything else changing: try again after a backoff. */
    boolean retryable() {
        return REASON_SERVER_UNREACHABLE.equals(reason) || REASON_API_ERROR.equals(reason);
    }
}
