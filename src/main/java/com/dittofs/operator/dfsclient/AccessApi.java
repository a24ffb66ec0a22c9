package com.dittofs.operator.dfsclient;

import java.util.List;

/**
 * The dfs calls that converge declared users, groups, share grants and NFS export settings: the access half of the
 * seam next to {@link DataPlaneApi}. Every call fails with {@link DfsApiException}.
 */
public interface AccessApi {

    List<DfsUser> users();

    DfsUser createUser(UserRequest request);

    DfsUser updateUser(String user, UserRequest update);

    void deleteUser(String user);

    void resetPassword(String user, String password);

    /** Logs in as that user: checks a password (and completes the first change dfs asks of new admins). */
    DfsUser loginAs(String user, String password);

    List<DfsGroup> groups();

    DfsGroup createGroup(GroupRequest request);

    DfsGroup updateGroup(String group, GroupRequest update);

    void deleteGroup(String group);

    NfsExportConfig nfsExportConfig(String share);

    NfsExportConfig patchNfsExportConfig(String share, NfsExportConfig patch);

    List<SharePermission> permissions(String share);

    void grantUser(String share, String user, String level);

    void revokeUser(String share, String user);

    void grantGroup(String share, String group, String level);

    void revokeGroup(String share, String group);
}
