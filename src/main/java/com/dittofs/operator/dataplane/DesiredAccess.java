package com.dittofs.operator.dataplane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.GroupSpec;
import com.dittofs.operator.api.v1alpha1.ShareGrant;
import com.dittofs.operator.api.v1alpha1.ShareNfsSpec;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.api.v1alpha1.UserSpec;

/**
 * Who may use a dfs server: the declared groups, users (with their passwords, read from Secrets) and, per declared
 * share, the grants and NFS export settings. Pure.
 *
 * @param groups declared groups, in spec order
 * @param users declared users, in spec order
 * @param shares per declared share name, its grants and export settings
 */
public record DesiredAccess(List<DesiredGroup> groups, List<DesiredUser> users, Map<String, ShareAccess> shares) {

    /** dfs's values when a share has no export settings of its own. */
    public static final NfsExport NFS_DEFAULTS = new NfsExport("root_to_guest", 65534L, 65534L, true);

    /** {@code absent}: to be deleted from dfs. */
    public record DesiredGroup(String name, Long gid, boolean absent) {
    }

    /** A password from a Secret, or why there is none. {@link #toString()} never shows the value. */
    public record Password(String value, String problem) {

        public static Password of(String value) {
            return new Password(value, null);
        }

        public static Password missing(String problem) {
            return new Password(null, problem);
        }

        @Override
        public String toString() {
            return value == null ? "Password[missing: " + problem + "]" : "Password[****]";
        }
    }

    /**
     * @param groups the groups it belongs to in dfs: none while disabled (see {@link #from})
     * @param absent to be deleted from dfs (its password is not read)
     */
    public record DesiredUser(String name, Password password, String role, Long uid, Long gid, List<String> groups,
            boolean enabled, boolean absent) {

        public DesiredUser(String name, Password password, String role, Long uid, Long gid, List<String> groups,
                boolean enabled) {
            this(name, password, role, uid, gid, groups, enabled, false);
        }
    }

    /** A grant to a user ({@code group} false) or to a group. */
    public record Grant(boolean group, String name, String level) {
        String label() {
            return (group ? "group " : "user ") + name;
        }
    }

    public record NfsExport(String squash, Long anonymousUid, Long anonymousGid, boolean allowAuthSys) {
    }

    /**
     * @param grants the grants dfs should hold: the declared ones but those to disabled users
     * @param suspended the declared grants to disabled users, held back until the user is enabled again
     */
    public record ShareAccess(List<Grant> grants, List<Grant> suspended, NfsExport nfs, String defaultPermission) {

        /** One line for the status: the grants, everyone else, and the squash mode. */
        public String summary() {
            String granted = Stream.concat(grants.stream().map(g -> g.label() + ": " + g.level()),
                    suspended.stream().map(g -> g.label() + ": " + g.level() + " (suspended: user disabled)"))
                    .collect(Collectors.joining(", "));
            return (granted.isEmpty() ? "" : granted + "; ") + "everyone else: " + defaultPermission + "; NFS squash "
                    + nfs.squash();
        }
    }

    public static DesiredAccess none() {
        return new DesiredAccess(List.of(), List.of(), Map.of());
    }

    /**
     * dfs does not look at {@code enabled} over NFS (no password there, only the UID the client sends), so a disabled
     * user also loses its own grants and its group memberships in dfs until it is enabled again: disabled means no
     * access by any protocol.
     *
     * @param passwords each declared user's password by user name (absent: not found)
     */
    public static DesiredAccess from(DittoServerSpec spec, Map<String, Password> passwords) {
        List<DesiredGroup> groups = spec.getGroups() == null ? List.of()
                : spec.getGroups().stream().map(DesiredAccess::group).toList();
        List<DesiredUser> users = spec.getUsers() == null ? List.of()
                : spec.getUsers().stream().map(u -> user(u, passwords.get(u.getName()))).toList();
        Set<String> disabled = users.stream().filter(u -> !u.enabled()).map(DesiredUser::name)
                .collect(Collectors.toSet());
        Map<String, ShareAccess> shares = new LinkedHashMap<>();
        if (spec.getShares() != null) {
            spec.getShares().stream().filter(s -> !Ensure.absent(s.getEnsure()))
                    .forEach(s -> shares.put(s.getName(), share(s, disabled)));
        }
        return new DesiredAccess(groups, users, shares);
    }

    private static DesiredGroup group(GroupSpec group) {
        return new DesiredGroup(group.getName(), group.getGid(), Ensure.absent(group.getEnsure()));
    }

    private static DesiredUser user(UserSpec user, Password password) {
        Password known = password != null ? password
                : Password.missing("the password Secret of user " + user.getName() + " was not read");
        boolean enabled = !Boolean.FALSE.equals(user.getEnabled());
        return new DesiredUser(user.getName(), known, user.getRole().wire(), user.getUid(), user.getGid(),
                user.getGroups() == null || !enabled ? List.of() : List.copyOf(user.getGroups()), enabled,
                Ensure.absent(user.getEnsure()));
    }

    private static ShareAccess share(ShareSpec share, Set<String> disabledUsers) {
        Map<Boolean, List<Grant>> suspended = (share.getGrants() == null ? Stream.<ShareGrant>empty()
                : share.getGrants().stream()).map(DesiredAccess::grant)
                .collect(Collectors.partitioningBy(g -> !g.group() && disabledUsers.contains(g.name())));
        return new ShareAccess(suspended.get(false), suspended.get(true), nfs(share.getNfs()),
                share.getDefaultPermission().wire());
    }

    private static Grant grant(ShareGrant grant) {
        boolean group = grant.getGroup() != null;
        return new Grant(group, group ? grant.getGroup() : grant.getUser(), grant.getLevel().wire());
    }

    private static NfsExport nfs(ShareNfsSpec nfs) {
        if (nfs == null) {
            return NFS_DEFAULTS;
        }
        return new NfsExport(nfs.getSquash().wire(),
                nfs.getAnonymousUid() == null ? NFS_DEFAULTS.anonymousUid() : nfs.getAnonymousUid(),
                nfs.getAnonymousGid() == null ? NFS_DEFAULTS.anonymousGid() : nfs.getAnonymousGid(),
                !Boolean.FALSE.equals(nfs.getAllowAuthSys()));
    }
}
