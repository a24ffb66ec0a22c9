package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.AccessLevel;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.GroupSpec;
import com.dittofs.operator.api.v1alpha1.ShareGrant;
import com.dittofs.operator.api.v1alpha1.ShareNfsSpec;
import com.dittofs.operator.api.v1alpha1.SquashMode;
import com.dittofs.operator.api.v1alpha1.UserRole;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.dataplane.DesiredAccess.Password;
import com.dittofs.operator.dfsclient.DfsUser;
import com.dittofs.operator.dfsclient.NfsExportConfig;
import com.dittofs.operator.dfsclient.UserRequest;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.junit.jupiter.api.Test;

/** Users, groups, grants and export settings as the sync wants them, and the diffs it sends. */
class DesiredAccessTest {

    static DittoServer withAccess() {
        DittoServer server = Fixtures.basic();
        UserSpec alice = new UserSpec();
        alice.setName("alice");
        alice.setPasswordSecretRef(new SecretKeySelector("password", "alice-pw", false));
        alice.setUid(1001L);
        alice.setGroups(List.of("eng"));
        alice.setRole(UserRole.ADMIN);
        server.getSpec().setUsers(List.of(alice));
        GroupSpec eng = new GroupSpec();
        eng.setName("eng");
        eng.setGid(3000L);
        server.getSpec().setGroups(List.of(eng));
        ShareGrant grant = new ShareGrant();
        grant.setGroup("eng");
        grant.setLevel(AccessLevel.READ_WRITE);
        server.getSpec().getShares().get(0).setGrants(List.of(grant));
        ShareNfsSpec nfs = new ShareNfsSpec();
        nfs.setSquash(SquashMode.NONE);
        server.getSpec().getShares().get(0).setNfs(nfs);
        return server;
    }

    @Test
    void theSpecBecomesGroupsUsersGrantsAndExportSettings() {
        DesiredAccess access = DesiredAccess.from(withAccess().getSpec(), Map.of("alice", Password.of("s3cret-pass")));
        assertThat(access.groups()).containsExactly(new DesiredAccess.DesiredGroup("eng", 3000L, false));
        assertThat(access.users()).singleElement().satisfies(u -> {
            assertThat(u.role()).isEqualTo("admin");
            assertThat(u.uid()).isEqualTo(1001L);
            assertThat(u.groups()).containsExactly("eng");
            assertThat(u.enabled()).isTrue();
            assertThat(u.password().value()).isEqualTo("s3cret-pass");
            assertThat(u.toString()).doesNotContain("s3cret-pass");
        });
        DesiredAccess.ShareAccess export = access.shares().get("/export");
        assertThat(export.nfs()).isEqualTo(new DesiredAccess.NfsExport("none", 65534L, 65534L, true));
        assertThat(export.summary()).isEqualTo("group eng: read-write; everyone else: read-write; NFS squash none");
    }

    @Test
    void aShareWithoutExportSettingsWantsDfsDefaultsAndAUserWithoutPasswordSaysWhy() {
        DittoServer server = withAccess();
        server.getSpec().getShares().get(0).setNfs(null);
        DesiredAccess access = DesiredAccess.from(server.getSpec(), Map.of());
        assertThat(access.shares().get("/export").nfs()).isEqualTo(DesiredAccess.NFS_DEFAULTS);
        assertThat(access.users().get(0).password().value()).isNull();
        assertThat(access.users().get(0).password().problem()).contains("alice");
    }

    @Test
    void onlyWhatDiffersIsSent() {
        DesiredAccess.DesiredUser want = new DesiredAccess.DesiredUser("alice", Password.of("x".repeat(8)), "user",
                1001L, null, List.of("eng"), true);
        DfsUser same = new DfsUser("id", "alice", "user", 1001L, 1001L, List.of("eng"), true, false, null);
        assertThat(AccessSync.update(want, same)).isNull();
        DfsUser drifted = new DfsUser("id", "alice", "admin", 1001L, 5L, null, false, false, null);
        assertThat(AccessSync.update(want, drifted))
                .isEqualTo(new UserRequest(null, null, "user", null, null, List.of("eng"), true));
    }

    @Test
    void exportSettingsPatchOnlyTheFieldsThatDifferTreatingUnsetIdsAs65534() {
        NfsExportConfig fresh = new NfsExportConfig("root_to_guest", null, null, true, false, "krb5", "");
        assertThat(ShareAccessSync.patch(fresh, DesiredAccess.NFS_DEFAULTS)).isNull();
        assertThat(ShareAccessSync.patch(fresh, new DesiredAccess.NfsExport("none", 65534L, 100L, false)))
                .isEqualTo(new NfsExportConfig("none", null, 100L, false, null, null, null));
    }
}
