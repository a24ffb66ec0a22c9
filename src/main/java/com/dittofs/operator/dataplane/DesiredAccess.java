package com.dittofs.operator.dataplane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
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

    public record DesiredGroup(String name, Long gid) {
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

    public record DesiredUser(String name, Password password, String role, Long uid, Long gid, List<String> groups,
            boolean enabled) {
    }

    /** A grant to a user ({@code group} false) or to a group. */
    public record Grant(boolean group, String name, String level) {
        String label() {
            return (group ? "group " : "user ") + name;
        }
    }

    public record NfsExport(String squash, Long anonymousUid, Long anonymousGid, boolean allowAuthSys) {
    }

    public record ShareAccess(List<Grant> grants, NfsExport nfs, String defaultPermission) {

        /** One line for the status: the grants, everyone else, and the squash mode. */
        public String summary() {
            String granted = grants.stream().map(g -> g.label() + ": " + g.level()).collect(Collectors.joining(", "));
            return (granted.isEmpty() ? "" : granted + "; ") + "everyone else: " + defaultPermission + "; NFS squash "
                    + nfs.squash();
        }
    }

    public static DesiredAccess none() {
        return new DesiredAccess(List.of(), List.of(), Map.of());
    }

    /** @param passwords each declared user's password by user name (absent: not found) */
    public static DesiredAccess from(DittoServerSpec spec, Map<String, Password> passwords) {
        List<DesiredGroup> groups = spec.getGroups() == null ? List.of()
                : spec.getGroups().stream().map(DesiredAccess::group).toList();
        List<DesiredUser> users = spec.getUsers() == null ? List.of()
                : spec.getUsers().stream().map(u -> user(u, passwords.get(u.getName()))).toList();
        Map<String, ShareAccess> shares = new LinkedHashMap<>();
        if (spec.getShares() != null) {
            spec.getShares().forEach(s -> shares.put(s.getName(), share(s)));
        }
        return new DesiredAccess(groups, users, shares);
    }

    private static DesiredGroup group(GroupSpec group) {
        return new DesiredGroup(group.getName(), group.getGid());
    }

    private static DesiredUser user(UserSpec user, Password password) {
        Password known = password != null ? password
                : Password.missing("the password Secret of user " + user.getName() + " was not read");
        return new DesiredUser(user.getName(), known, user.getRole().wire(), user.getUid(), user.getGid(),
                user.getGroups() == null ? List.of() : List.copyOf(user.getGroups()),
                !Boolean.FALSE.equals(user.getEnabled()));
    }

    private static ShareAccess share(ShareSpec share) {
        List<Grant> grants = share.getGrants() == null ? List.of() : share.getGrants().stream()
                .map(DesiredAccess::grant).toList();
        return new ShareAccess(grants, nfs(share.getNfs()), share.getDefaultPermission().wire());
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
