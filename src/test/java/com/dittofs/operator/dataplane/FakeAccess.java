package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
import com.dittofs.operator.dfsclient.DfsGroup;
import com.dittofs.operator.dfsclient.DfsUser;
import com.dittofs.operator.dfsclient.GroupRequest;
import com.dittofs.operator.dfsclient.NfsExportConfig;
import com.dittofs.operator.dfsclient.SharePermission;
import com.dittofs.operator.dfsclient.UserRequest;

/**
 * An in-memory dfs behind the access seam, with dfs's rules as far as the sync relies on them: admins created or
 * reset must change their password at first login (the client's loginAs does it), a disabled user or a wrong
 * password gets 401, a grant is an upsert, a new share exports with root_to_guest. Records every write and every
 * login; refuses what {@link #refuse} names with a 409.
 */
final class FakeAccess implements AccessApi {

    final Map<String, DfsUser> users = new LinkedHashMap<>();
    final Map<String, String> passwords = new HashMap<>();
    final Map<String, DfsGroup> groups = new LinkedHashMap<>();
    final Map<String, NfsExportConfig> exports = new HashMap<>();
    /** Per share, "user alice" or "group eng" to the level. */
    final Map<String, Map<String, String>> grants = new HashMap<>();
    /** One line per write, e.g. "createUser alice"; logins as "loginAs alice". */
    final List<String> writes = new ArrayList<>();
    /** Names of the objects dfs refuses to write, e.g. "group eng" or "share /export". */
    final List<String> refuse = new ArrayList<>();

    /** dfs stops answering with this: from the first call whose line starts with {@link #silentFrom} (all: null). */
    DfsApiException unanswered;
    String silentFrom;
    private boolean silent;

    private void answer(String call) {
        if (unanswered != null && (silent || silentFrom == null || call.startsWith(silentFrom))) {
            silent = true;
            throw unanswered;
        }
    }

    private void write(String what, String object) {
        answer(what);
        if (refuse.contains(object)) {
            throw DfsErrors.http(409, object + " refused");
        }
        writes.add(what);
    }

    /** A user made by hand (with dfsctl). */
    void handMade(String name, String password, String role, Long uid) {
        users.put(name, new DfsUser("u-" + name, name, role, uid, null, List.of(), true, false, null));
        passwords.put(name, password);
    }

    /** A group made by hand. */
    void handMadeGroup(String name, Long gid) {
        groups.put(name, new DfsGroup("g-" + name, name, gid, List.of(), null));
    }

    @Override
    public List<DfsUser> users() {
        answer("users");
        return List.copyOf(users.values());
    }

    @Override
    public DfsUser createUser(UserRequest r) {
        write("createUser " + r.username(), "user " + r.username());
        DfsUser user = new DfsUser("u-" + r.username(), r.username(), r.role(), r.uid(), r.gid(),
                r.groups() == null ? List.of() : List.copyOf(r.groups()), !Boolean.FALSE.equals(r.enabled()),
                "admin".equals(r.role()), r.displayName());
        users.put(r.username(), user);
        passwords.put(r.username(), r.password());
        return user;
    }

    @Override
    public DfsUser updateUser(String name, UserRequest u) {
        write("updateUser " + name, "user " + name);
        DfsUser h = users.get(name);
        DfsUser user = new DfsUser(h.id(), name, u.role() == null ? h.role() : u.role(),
                u.uid() == null ? h.uid() : u.uid(), u.gid() == null ? h.gid() : u.gid(),
                u.groups() == null ? h.groups() : List.copyOf(u.groups()),
                u.enabled() == null ? h.enabled() : u.enabled(), h.mustChangePassword(), h.displayName());
        users.put(name, user);
        return user;
    }

    @Override
    public void deleteUser(String name) {
        write("deleteUser " + name, "user " + name);
        users.remove(name);
        passwords.remove(name);
    }

    @Override
    public void resetPassword(String name, String password) {
        write("resetPassword " + name, "user " + name);
        passwords.put(name, password);
        DfsUser h = users.get(name);
        users.put(name, new DfsUser(h.id(), name, h.role(), h.uid(), h.gid(), h.groups(), h.enabled(),
                "admin".equals(h.role()), h.displayName()));
    }

    /** As the client does: logs in and, when dfs asks for it, changes the password to itself. */
    @Override
    public DfsUser loginAs(String name, String password) {
        DfsUser h = users.get(name);
        if (h == null || !h.enabled() || !password.equals(passwords.get(name))) {
            throw DfsErrors.http(401, "invalid credentials");
        }
        writes.add("loginAs " + name);
        DfsUser user = new DfsUser(h.id(), name, h.role(), h.uid(), h.gid(), h.groups(), h.enabled(), false,
                h.displayName());
        users.put(name, user);
        return user;
    }

    @Override
    public List<DfsGroup> groups() {
        answer("groups");
        return List.copyOf(groups.values());
    }

    @Override
    public DfsGroup createGroup(GroupRequest r) {
        write("createGroup " + r.name(), "group " + r.name());
        DfsGroup group = new DfsGroup("g-" + r.name(), r.name(), r.gid(), List.of(), r.description());
        groups.put(r.name(), group);
        return group;
    }

    @Override
    public DfsGroup updateGroup(String name, GroupRequest u) {
        write("updateGroup " + name, "group " + name);
        DfsGroup h = groups.get(name);
        DfsGroup group = new DfsGroup("g-" + name, name, u.gid() == null ? h.gid() : u.gid(), List.of(),
                u.description() == null ? h.description() : u.description());
        groups.put(name, group);
        return group;
    }

    @Override
    public void deleteGroup(String name) {
        write("deleteGroup " + name, "group " + name);
        groups.remove(name);
    }

    @Override
    public NfsExportConfig nfsExportConfig(String share) {
        answer("nfsExportConfig " + share);
        return exports.computeIfAbsent(share, s -> new NfsExportConfig("root_to_guest", null, null, true, false,
                "krb5", ""));
    }

    @Override
    public NfsExportConfig patchNfsExportConfig(String share, NfsExportConfig p) {
        write("patchNfsExportConfig " + share, "share " + share);
        NfsExportConfig h = nfsExportConfig(share);
        NfsExportConfig next = new NfsExportConfig(p.squash() == null ? h.squash() : p.squash(),
                p.anonymousUid() == null ? h.anonymousUid() : p.anonymousUid(),
                p.anonymousGid() == null ? h.anonymousGid() : p.anonymousGid(),
                p.allowAuthSys() == null ? h.allowAuthSys() : p.allowAuthSys(), h.requireKerberos(),
                h.minKerberosLevel(), h.netgroup());
        exports.put(share, next);
        return next;
    }

    @Override
    public List<SharePermission> permissions(String share) {
        answer("permissions " + share);
        return grants.getOrDefault(share, Map.of()).entrySet().stream()
                .map(e -> new SharePermission(e.getKey().split(" ")[0], e.getKey().split(" ")[1], e.getValue()))
                .toList();
    }

    private void put(String share, String who, String level) {
        write("grant " + share + " " + who + " " + level, "share " + share);
        grants.computeIfAbsent(share, s -> new LinkedHashMap<>()).put(who, level);
    }

    private void remove(String share, String who) {
        write("revoke " + share + " " + who, "share " + share);
        grants.getOrDefault(share, new HashMap<>()).remove(who);
    }

    @Override
    public void grantUser(String share, String user, String level) {
        put(share, "user " + user, level);
    }

    @Override
    public void revokeUser(String share, String user) {
        remove(share, "user " + user);
    }

    @Override
    public void grantGroup(String share, String group, String level) {
        put(share, "group " + group, level);
    }

    @Override
    public void revokeGroup(String share, String group) {
        remove(share, "group " + group);
    }

}
