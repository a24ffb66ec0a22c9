package com.dittofs.operator.reconciler;

import java.util.List;
import java.util.Set;

import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.api.v1alpha1.UserStatus;
import com.dittofs.operator.dataplane.Ownership;

import static com.dittofs.operator.api.v1alpha1.ConditionTypes.*;

/**
 * What the data-plane step found, as the status needs it.
 *
 * @param ready whether dfs holds the declared adapters, stores and shares
 * @param reason CamelCase reason of the DataPlaneReady condition (see {@link ConditionTypes})
 * @param message human message, the server's own words on failure
 * @param shares the declared shares and their state, or null when the server was not reached
 * @param ownedShares what the operator records of the shares after this pass (as before when it was not reached)
 * @param access users and what the operator records of users, groups and snapshot policies after this pass, or
 *               null when unchanged
 * @param dfsVersion the version the server's current pod reports, or null when unknown
 * @param nextAttempt when a failure is tried again, one sentence for DataPlaneReady (not for Ready, whose message
 *                    stays the same from one attempt to the next: one Warning event per problem), or null
 */
record DataPlaneOutcome(boolean ready, String reason, String message, List<ShareStatus> shares,
        Ownership ownedShares, Access access, String dfsVersion, String nextAttempt) {

    /**
     * What the status says about users: their state (null when the pass did not get that far: as before) and what
     * the operator records of users and groups.
     */
    record Access(List<UserStatus> users, Ownership ownedUsers, Ownership ownedGroups, Ownership ownedPolicies) {

        /** Snapshot policies not reached: their record stays as it was. */
        Access(List<UserStatus> users, Ownership ownedUsers, Ownership ownedGroups) {
            this(users, ownedUsers, ownedGroups, null);
        }
    }

    DataPlaneOutcome(boolean ready, String reason, String message, List<ShareStatus> shares,
            Ownership ownedShares) {
        this(ready, reason, message, shares, ownedShares, null);
    }

    DataPlaneOutcome(boolean ready, String reason, String message, List<ShareStatus> shares,
            Ownership ownedShares, Access access) {
        this(ready, reason, message, shares, ownedShares, access, null, null);
    }

    /** The same outcome, reporting this dfs version. */
    DataPlaneOutcome withDfsVersion(String version) {
        return new DataPlaneOutcome(ready, reason, message, shares, ownedShares, access, version, nextAttempt);
    }

    /** The same outcome, saying when the next attempt is. */
    DataPlaneOutcome withNextAttempt(String sentence) {
        return new DataPlaneOutcome(ready, reason, message, shares, ownedShares, access, dfsVersion, sentence);
    }

    /** The message of DataPlaneReady: the outcome's, then when the next attempt is. */
    String conditionMessage() {
        return nextAttempt == null ? message : message == null ? nextAttempt : message + " " + nextAttempt;
    }

    /** Failures a later pass may fix without anything else changing: try again after a backoff. */
    private static final Set<String> RETRYABLE = Set.of(REASON_SERVER_UNREACHABLE, REASON_SERVER_TIMEOUT,
            REASON_SYNC_DEADLINE_EXCEEDED,
            REASON_API_ERROR, REASON_ADMIN_LOGIN_REJECTED, REASON_DATA_PLANE_CONFLICT, REASON_TLS_NOT_TRUSTED,
            REASON_USER_SECRET_MISSING, REASON_USER_REJECTED, REASON_GROUP_REJECTED, REASON_SHARE_ACCESS_REJECTED,
            REASON_IDENTITY_SECRET_MISSING, REASON_IDENTITY_PROVIDER_REJECTED);
    /** Not ready, but expected to pass on its own: the server is starting, restarting or briefly overloaded. */
    private static final Set<String> TRANSIENT = Set.of(REASON_WAITING_FOR_SERVER, REASON_SERVER_UNREACHABLE,
            REASON_SERVER_TIMEOUT, REASON_SYNC_DEADLINE_EXCEEDED);

    boolean retryable() {
        return !ready && RETRYABLE.contains(reason);
    }

    /** The phase of a server whose pod is ready but whose data plane is not. */
    Phase phaseWhenNotReady() {
        return TRANSIENT.contains(reason) ? Phase.Pending : Phase.Failed;
    }

    /** The failures that send a server's next sync to the suspect lane: dfs could not be talked to in time. */
    boolean serverSilent() {
        return REASON_SERVER_UNREACHABLE.equals(reason) || REASON_SERVER_TIMEOUT.equals(reason)
                || REASON_SYNC_DEADLINE_EXCEEDED.equals(reason);
    }

}
