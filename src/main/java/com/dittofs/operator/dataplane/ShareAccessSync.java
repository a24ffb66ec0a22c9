package com.dittofs.operator.dataplane;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.dittofs.operator.dataplane.AccessReport.Kind;
import com.dittofs.operator.dataplane.DesiredAccess.Grant;
import com.dittofs.operator.dataplane.DesiredAccess.NfsExport;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.NfsExportConfig;
import com.dittofs.operator.dfsclient.SharePermission;

/**
 * One declared share's NFS export settings and grants. Grants to the declared users and groups follow the spec
 * exactly (grants of theirs that are not declared are revoked); grants to anyone else, users the spec no longer
 * declares included, are left alone.
 */
final class ShareAccessSync {

    /** How a refusal by dfs is noted; it throws when dfs did not answer at all. */
    interface Rejections {
        String rejected(DfsApiException e, Kind kind, String what);
    }

    private final AccessApi dfs;
    private final List<String> changes;
    private final Rejections rejections;

    ShareAccessSync(AccessApi dfs, List<String> changes, Rejections rejections) {
        this.dfs = dfs;
        this.changes = changes;
        this.rejections = rejections;
    }

    /** Brings the share's NFS export settings to the wanted ones; a refusal by dfs is noted for the share. */
    void export(String share, NfsExport want) {
        try {
            NfsExportConfig patch = patch(dfs.nfsExportConfig(share), want);
            if (patch != null) {
                dfs.patchNfsExportConfig(share, patch);
                changes.add("Updated the NFS export settings of share " + share);
            }
        } catch (DfsApiException e) {
            rejections.rejected(e, Kind.SHARE_ACCESS, "share " + share + " NFS export settings");
        }
    }

    /** Grants what is declared; revokes grants of declared users and groups that are not (admission keeps one per). */
    void grants(String share, List<Grant> want, Set<String> declaredUsers, Set<String> declaredGroups) {
        List<SharePermission> have = dfs.permissions(share);
        for (Grant grant : want) {
            if (have.stream().noneMatch(p -> same(p, grant) && grant.level().equals(p.level()))) {
                attempt(share, grant.label(), () -> grant(share, grant));
            }
        }
        for (SharePermission p : have) {
            boolean managed = "user".equals(p.type()) ? declaredUsers.contains(p.name())
                    : "group".equals(p.type()) && declaredGroups.contains(p.name());
            if (managed && want.stream().noneMatch(g -> same(p, g))) {
                attempt(share, p.type() + " " + p.name(), () -> revoke(share, p));
            }
        }
    }

    /** The export fields that differ from the wanted ones (unset anonymous IDs are dfs's 65534), or null. */
    static NfsExportConfig patch(NfsExportConfig have, NfsExport want) {
        String squash = want.squash().equals(have.squash()) ? null : want.squash();
        Long uid = Objects.equals(want.anonymousUid(), orDefault(have.anonymousUid())) ? null : want.anonymousUid();
        Long gid = Objects.equals(want.anonymousGid(), orDefault(have.anonymousGid())) ? null : want.anonymousGid();
        Boolean authSys = want.allowAuthSys() == !Boolean.FALSE.equals(have.allowAuthSys()) ? null
                : want.allowAuthSys();
        if (squash == null && uid == null && gid == null && authSys == null) {
            return null;
        }
        return new NfsExportConfig(squash, uid, gid, authSys, null, null, null);
    }

    private static Long orDefault(Long id) {
        return id == null ? 65534L : id;
    }

    private static boolean same(SharePermission p, Grant g) {
        return p.type().equals(g.group() ? "group" : "user") && p.name().equals(g.name());
    }

    private void grant(String share, Grant grant) {
        if (grant.group()) {
            dfs.grantGroup(share, grant.name(), grant.level());
        } else {
            dfs.grantUser(share, grant.name(), grant.level());
        }
        changes.add("Granted " + grant.level() + " on share " + share + " to " + grant.label());
    }

    private void revoke(String share, SharePermission p) {
        if ("group".equals(p.type())) {
            dfs.revokeGroup(share, p.name());
        } else {
            dfs.revokeUser(share, p.name());
        }
        changes.add("Revoked the grant on share " + share + " of " + p.type() + " " + p.name());
    }

    private void attempt(String share, String who, Runnable call) {
        try {
            call.run();
        } catch (DfsApiException e) {
            rejections.rejected(e, Kind.SHARE_ACCESS, "share " + share + " grant of " + who);
        }
    }
}
