package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dittofs.operator.dataplane.AccessReport.Kind;
import com.dittofs.operator.dataplane.AccessReport.UserState;
import com.dittofs.operator.dataplane.DesiredAccess.DesiredGroup;
import com.dittofs.operator.dataplane.DesiredAccess.DesiredUser;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.DfsGroup;
import com.dittofs.operator.dfsclient.DfsUser;
import com.dittofs.operator.dfsclient.GroupRequest;
import com.dittofs.operator.dfsclient.UserRequest;

/**
 * Brings dfs's users and groups to the declared ones through the REST API, reading first and writing only what
 * differs; users and groups made by hand are left alone. dfs refusing one object (a duplicate UID, say) is reported
 * for that object and the pass goes on; dfs not answering ends the pass (the caller reports it).
 */
final class AccessSync {

    private final AccessApi dfs;
    private final List<String> changes;
    private final PasswordSync passwords;
    private AccessReport.Problem problem;

    AccessSync(AccessApi dfs, List<String> changes, PasswordLedger ledger, String server) {
        this.dfs = dfs;
        this.changes = changes;
        this.passwords = new PasswordSync(dfs, ledger, server, changes);
    }

    /** @param servedShares the declared shares dfs serves as declared (their grants and export settings follow) */
    AccessReport run(DesiredAccess want, ManagedAccess before, Set<String> servedShares) {
        List<String> groups = new ArrayList<>(before.groups());
        List<String> users = new ArrayList<>(before.users());
        Map<String, DesiredAccess.ShareAccess> served = new LinkedHashMap<>(want.shares());
        served.keySet().retainAll(servedShares);
        ShareAccessSync shares = new ShareAccessSync(dfs, changes, this::rejected);
        // export settings always follow the spec: a squash left by an earlier spec or changed by hand is put back
        served.forEach((share, access) -> shares.export(share, access.nfs()));
        if (!inUse(want, users, groups)) {
            return new AccessReport(List.of(), users, groups, summaries(served), null);
        }
        Map<String, DfsGroup> haveGroups = byName(dfs.groups(), DfsGroup::name);
        want.groups().forEach(g -> group(g, haveGroups.get(g.name()), groups));
        Map<String, DfsUser> haveUsers = byName(dfs.users(), DfsUser::username);
        List<UserState> states = want.users().stream().map(u -> user(u, haveUsers.get(u.name()), users)).toList();
        served.forEach((share, access) -> shares.grants(share, access.grants(), users, groups));
        deleteUsers(want, users, haveUsers);
        deleteGroups(want, groups, haveGroups);
        return new AccessReport(states, users, groups, summaries(served), problem);
    }

    /** Whether users, groups or grants are declared or managed: without any, they are not even read. */
    private static boolean inUse(DesiredAccess want, List<String> users, List<String> groups) {
        return !want.groups().isEmpty() || !want.users().isEmpty() || !groups.isEmpty() || !users.isEmpty()
                || want.shares().values().stream().anyMatch(s -> !s.grants().isEmpty());
    }

    private static Map<String, String> summaries(Map<String, DesiredAccess.ShareAccess> served) {
        Map<String, String> summaries = new LinkedHashMap<>();
        served.forEach((share, access) -> summaries.put(share, access.summary()));
        return summaries;
    }

    private void group(DesiredGroup want, DfsGroup have, List<String> managed) {
        try {
            if (have == null) {
                dfs.createGroup(new GroupRequest(want.name(), want.gid()));
                changes.add("Created group " + want.name());
            } else if (want.gid() != null && !want.gid().equals(have.gid())) {
                dfs.updateGroup(want.name(), new GroupRequest(null, want.gid()));
                changes.add("Updated group " + want.name());
            }
            if (!managed.contains(want.name())) {
                managed.add(want.name());
            }
        } catch (DfsApiException e) {
            rejected(e, Kind.GROUP, "group " + want.name());
        }
    }

    private UserState user(DesiredUser want, DfsUser have, List<String> managed) {
        String password = want.password().value();
        if (password == null) {
            note(Kind.USER_SECRET_MISSING, want.password().problem());
            return new UserState(want.name(), false, want.password().problem());
        }
        try {
            if (have == null) {
                dfs.createUser(new UserRequest(want.name(), password, want.role(), want.uid(), want.gid(),
                        want.groups(), want.enabled()));
                changes.add("Created user " + want.name());
                passwords.created(want, password);
            } else {
                existing(want, have, password);
            }
            if (!managed.contains(want.name())) {
                managed.add(want.name());
            }
            return new UserState(want.name(), true, want.enabled() ? "as declared" : "as declared (disabled)");
        } catch (DfsApiException e) {
            return new UserState(want.name(), false, rejected(e, Kind.USER, "user " + want.name()));
        }
    }

    /** A user dfs has (made by the operator, or by hand and now taken over): fields first, then the password. */
    private void existing(DesiredUser want, DfsUser have, String password) {
        boolean mustChange = have.mustChangePassword();
        if (want.enabled() && !have.enabled()) {
            mustChange |= passwords.beforeEnabling(want, password);
        }
        UserRequest update = update(want, have);
        if (update != null) {
            dfs.updateUser(want.name(), update);
            changes.add("Updated user " + want.name());
        }
        if (want.enabled()) {
            passwords.check(want, password, mustChange);
        }
    }

    /** The fields that differ, or null. Omitted uid/gid in the spec leave dfs's value alone. */
    static UserRequest update(DesiredUser want, DfsUser have) {
        String role = want.role().equals(have.role()) ? null : want.role();
        Long uid = want.uid() == null || want.uid().equals(have.uid()) ? null : want.uid();
        Long gid = want.gid() == null || want.gid().equals(have.gid()) ? null : want.gid();
        Set<String> haveGroups = have.groups() == null ? Set.of() : new HashSet<>(have.groups());
        List<String> groups = haveGroups.equals(new HashSet<>(want.groups())) ? null : want.groups();
        Boolean enabled = want.enabled() == have.enabled() ? null : want.enabled();
        if (role == null && uid == null && gid == null && groups == null && enabled == null) {
            return null;
        }
        return new UserRequest(null, null, role, uid, gid, groups, enabled);
    }

    private void deleteUsers(DesiredAccess want, List<String> managed, Map<String, DfsUser> have) {
        Set<String> declared = want.users().stream().map(DesiredUser::name).collect(Collectors.toSet());
        for (String gone : List.copyOf(managed)) {
            if (declared.contains(gone)) {
                continue;
            }
            if (remove(() -> dfs.deleteUser(gone), have.containsKey(gone), Kind.USER, "user " + gone)) {
                passwords.forget(gone);
                managed.remove(gone);
            }
        }
    }

    private void deleteGroups(DesiredAccess want, List<String> managed, Map<String, DfsGroup> have) {
        Set<String> declared = want.groups().stream().map(DesiredGroup::name).collect(Collectors.toSet());
        for (String gone : List.copyOf(managed)) {
            if (!declared.contains(gone)
                    && remove(() -> dfs.deleteGroup(gone), have.containsKey(gone), Kind.GROUP, "group " + gone)) {
                managed.remove(gone);
            }
        }
    }

    /** Deletes what exists; true when it is gone (also when dfs no longer had it). */
    private boolean remove(Runnable delete, boolean exists, Kind kind, String what) {
        if (!exists) {
            return true;
        }
        try {
            delete.run();
            changes.add("Deleted " + what);
            return true;
        } catch (DfsApiException e) {
            if (e.notFound()) {
                return true;
            }
            rejected(e, kind, what);
            return false;
        }
    }

    /** dfs refused one object: note it and go on. Anything but an answer from dfs ends the pass. */
    String rejected(DfsApiException e, Kind kind, String what) {
        if (e.kind() != DfsApiException.Kind.HTTP_STATUS || e.status() == 401) {
            throw e;
        }
        String message = what + ": " + e.getMessage();
        note(kind, message);
        return message;
    }

    private void note(Kind kind, String message) {
        if (problem == null) {
            problem = new AccessReport.Problem(kind, message);
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.stream().filter(i -> Objects.nonNull(name.apply(i))).forEach(i -> map.put(name.apply(i), i));
        return map;
    }
}
