package com.dittofs.operator.dataplane;

import java.util.List;
import java.util.Map;

/**
 * What a pass did with users, groups and share access.
 *
 * @param users each declared present user with its state, in spec order; null when the pass did not get that far
 * @param ownedUsers the users the operator created or adopted, as known after the pass (also a failed one)
 * @param ownedGroups the groups the operator created or adopted, likewise
 * @param shareAccess per share the pass reached, the one-line access summary
 * @param undeclared users and groups the operator created that are no longer declared, e.g. "user bob"
 * @param problem the first thing that is not as declared, or null
 * @param declaredGroups how many groups are declared present
 */
public record AccessReport(List<UserState> users, Ownership ownedUsers, Ownership ownedGroups,
        Map<String, String> shareAccess, List<String> undeclared, Problem problem, int declaredGroups) {

    /** A declared user and whether dfs holds it as declared. Never carries the password. */
    public record UserState(String name, boolean ready, String message) {
    }

    /** What kind of object failed, so the status can name it in its reason. */
    public enum Kind {
        USER_SECRET_MISSING, USER, GROUP, SHARE_ACCESS
    }

    public record Problem(Kind kind, String message) {
    }

    /** Before any pass, or when the pass never reached the access step. */
    public static AccessReport untouched(ManagedAccess managed) {
        return new AccessReport(null, managed.users(), managed.groups(), Map.of(), List.of(), null, 0);
    }
}
