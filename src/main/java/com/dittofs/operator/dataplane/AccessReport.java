package com.dittofs.operator.dataplane;

import java.util.List;
import java.util.Map;

/**
 * What a pass did with users, groups and share access.
 *
 * @param users each declared user with its state, in spec order
 * @param managedUsers users the operator created or owns now
 * @param managedGroups groups the operator created or owns now
 * @param shareAccess per share the pass reached, the one-line access summary
 * @param problem the first thing that is not as declared, or null
 */
public record AccessReport(List<UserState> users, List<String> managedUsers, List<String> managedGroups,
        Map<String, String> shareAccess, Problem problem) {

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
        return new AccessReport(List.of(), managed.users(), managed.groups(), Map.of(), null);
    }
}
