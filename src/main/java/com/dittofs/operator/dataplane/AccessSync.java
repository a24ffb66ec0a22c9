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
import com.dittofs.operator.naming.Names;

/**
 * Brings dfs's users and groups to the declared ones through the REST API, reading first and writing only what
 * differs. Users and groups made by hand are left alone unless declared; a declared one that exists already is
 * taken over (adopted, said once in the changes). Nothing is deleted because it is missing from the spec: only an
 * entry with {@code ensure: absent} deletes. What the operator creates carries its mark in dfs
 * ({@link Names#DFS_CREATED_MARK}), written in the create call: the durable record of what it made. dfs refusing
 * one object (a duplicate UID, say) is reported for that object and the pass goes on; dfs not answering ends the
 * pass (the caller reports it, with {@link #partial()}).
 */
final class AccessSync {

    private final AccessApi dfs;
    private final List<String> changes;
    private final PasswordSync passwords;
    private final OwnershipRecord users;
    private final OwnershipRecord groups;
    private Set<String> presentUsers = Set.of();
    private Set<String> presentGroups = Set.of();
    private AccessReport.Problem problem;

    AccessSync(AccessApi dfs, List<String> changes, PasswordLedger ledger, String server, ManagedAccess before) {
        this.dfs = dfs;
        this.changes = changes;
        this.passwords = new PasswordSync(dfs, ledger, server, changes);
        this.users = new OwnershipRecord(before.users());
        this.groups = new OwnershipRecord(before.groups());
    }

    /** @param servedShares the declared shares dfs serves as declared (their grants and export settings follow) */
    AccessReport run(DesiredAccess want, Set<String> servedShares) {
        presentUsers = want.users().stream().filter(u -> !u.absent()).map(DesiredUser::name)
                .collect(Collectors.toSet());
        presentGroups = want.groups().stream().filter(g -> !g.absent()).map(DesiredGroup::name)
                .collect(Collectors.toSet());
        Map<String, DesiredAccess.ShareAccess> served = new LinkedHashMap<>(want.shares());
        served.keySet().retainAll(servedShares);
        ShareAccessSync shares = new ShareAccessSync(dfs, changes, this::rejected);
        // export settings always follow the spec: a squash left by an earlier spec or changed by hand is put back
        served.forEach((share, access) -> shares.export(share, access.nfs()));
        if (!inUse(want)) {
            return report(List.of(), served);
        }
        Map<String, DfsGroup> haveGroups = byName(dfs.groups(), DfsGroup::name);
        groups.seen(haveGroups.keySet(), marked(haveGroups.values(), DfsGroup::name, DfsGroup::description));
        want.groups().stream().filter(g -> !g.absent()).forEach(g -> group(g, haveGroups.get(g.name())));
        Map<String, DfsUser> haveUsers = byName(dfs.users(), DfsUser::username);
        users.seen(haveUsers.keySet(), marked(haveUsers.values(), DfsUser::username, DfsUser::displayName));
        List<UserState> states = want.users().stream().filter(u -> !u.absent())
                .map(u -> user(u, haveUsers.get(u.name()))).toList();
        // grants follow the spec for declared users and groups; grants of anyone else are left alone
        served.forEach((share, access) -> shares.grants(share, access.grants(), presentUsers, presentGroups));
        want.users().stream().filter(DesiredUser::absent).forEach(u -> deleteUser(u.name(), haveUsers));
        want.groups().stream().filter(DesiredGroup::absent).forEach(g -> deleteGroup(g.name(), haveGroups));
        return report(states, served);
    }

    /** What is known so far, for a pass that dfs stopped answering. */
    AccessReport partial() {
        return new AccessReport(null, users.result(presentUsers), groups.result(presentGroups), Map.of(),
                List.of(), problem, presentGroups.size());
    }

    private AccessReport report(List<UserState> states, Map<String, DesiredAccess.ShareAccess> served) {
        List<String> undeclared = new ArrayList<>();
        users.undeclared(presentUsers).forEach(u -> undeclared.add("user " + u));
        groups.undeclared(presentGroups).forEach(g -> undeclared.add("group " + g));
        return new AccessReport(states, users.result(presentUsers), groups.result(presentGroups), summaries(served),
                undeclared, problem, presentGroups.size());
    }

    /** Whether users, groups or grants are declared or recorded: without any, they are not even read. */
    private boolean inUse(DesiredAccess want) {
        return !want.groups().isEmpty() || !want.users().isEmpty() || !users.isEmpty() || !groups.isEmpty()
                || want.shares().values().stream().anyMatch(s -> !s.grants().isEmpty());
    }

    private static <T> List<String> marked(java.util.Collection<T> items, Function<T, String> name,
            Function<T, String> mark) {
        return items.stream().filter(i -> Names.DFS_CREATED_MARK.equals(mark.apply(i))).map(name).toList();
    }

    private static Map<String, String> summaries(Map<String, DesiredAccess.ShareAccess> served) {
        Map<String, String> summaries = new LinkedHashMap<>();
        served.forEach((share, access) -> summaries.put(share, access.summary()));
        return summaries;
    }

    private void group(DesiredGroup want, DfsGroup have) {
        try {
            if (have == null) {
                dfs.createGroup(new GroupRequest(want.name(), want.gid(), Names.DFS_CREATED_MARK));
                groups.created(want.name());
                changes.add("Created group " + want.name());
                return;
            }
            if (groups.found(want.name())) {
                changes.add(adopted("group", want.name(), "spec.groups"));
            }
            if (want.gid() != null && !want.gid().equals(have.gid())) {
                dfs.updateGroup(want.name(), new GroupRequest(null, want.gid()));
                changes.add("Updated group " + want.name());
            }
        } catch (DfsApiException e) {
            rejected(e, Kind.GROUP, "group " + want.name());
        }
    }

    static String adopted(String kind, String name, String list) {
        return "Adopted " + kind + " " + name + ", which existed in dfs before it was declared: it is kept as declared"
                + " now; removing it from " + list + " leaves it in dfs (ensure: absent deletes it)";
    }

    private UserState user(DesiredUser want, DfsUser have) {
        String password = want.password().value();
        if (password == null) {
            note(Kind.USER_SECRET_MISSING, want.password().problem());
            return new UserState(want.name(), false, want.password().problem());
        }
        try {
            if (have == null) {
                dfs.createUser(new UserRequest(want.name(), password, want.role(), want.uid(), want.gid(),
                        want.groups(), want.enabled(), Names.DFS_CREATED_MARK));
                users.created(want.name());
                changes.add("Created user " + want.name());
                passwords.created(want, password);
            } else {
                if (users.found(want.name())) {
                    changes.add(adopted("user", want.name(), "spec.users"));
                }
                existing(want, have, password);
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

    /** ensure: absent. Deleted whoever made it: deletion was asked for. */
    private void deleteUser(String name, Map<String, DfsUser> have) {
        if (remove(() -> dfs.deleteUser(name), have.containsKey(name), Kind.USER, "user " + name)) {
            passwords.forget(name);
            users.deleted(name);
        }
    }

    private void deleteGroup(String name, Map<String, DfsGroup> have) {
        if (remove(() -> dfs.deleteGroup(name), have.containsKey(name), Kind.GROUP, "group " + name)) {
            groups.deleted(name);
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
