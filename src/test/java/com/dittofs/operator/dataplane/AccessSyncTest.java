package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dittofs.operator.api.v1alpha1.AccessLevel;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.GroupSpec;
import com.dittofs.operator.api.v1alpha1.ShareGrant;
import com.dittofs.operator.api.v1alpha1.ShareNfsSpec;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.api.v1alpha1.SquashMode;
import com.dittofs.operator.api.v1alpha1.UserRole;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.dataplane.DesiredAccess.Password;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.junit.jupiter.api.Test;

/** Users, groups, grants and NFS export settings converged against an in-memory dfs. */
class AccessSyncTest {

    private static final Set<String> SERVED = Set.of("/export");

    private final FakeAccess dfs = new FakeAccess();
    private PasswordLedger ledger = new PasswordLedger();
    private ManagedAccess managed = ManagedAccess.none();
    private List<String> changes;

    private final DittoServer server = Fixtures.basic();
    private final Map<String, Password> passwords = new java.util.HashMap<>();

    /** One pass, as DataPlaneSync runs it; what it manages afterwards is what the next pass starts from. */
    private AccessReport pass(Set<String> served) {
        changes = new ArrayList<>();
        AccessSync sync = new AccessSync(dfs, changes, ledger, "ns/server", managed);
        AccessReport report;
        try {
            report = sync.run(DesiredAccess.from(server.getSpec(), passwords), served);
        } catch (DfsApiException e) {
            report = sync.partial(); // as DataPlaneSync reports a pass dfs stopped answering
        }
        managed = new ManagedAccess(report.ownedUsers(), report.ownedGroups());
        return report;
    }

    private AccessReport pass() {
        return pass(SERVED);
    }

    private UserSpec user(String name, String password) {
        UserSpec user = new UserSpec();
        user.setName(name);
        user.setPasswordSecretRef(new SecretKeySelector("password", name + "-pw", false));
        passwords.put(name, Password.of(password));
        List<UserSpec> users = new ArrayList<>(server.getSpec().getUsers() == null ? List.of()
                : server.getSpec().getUsers());
        users.add(user);
        server.getSpec().setUsers(users);
        return user;
    }

    private void groups(String... names) {
        server.getSpec().setGroups(java.util.Arrays.stream(names).map(n -> {
            GroupSpec group = new GroupSpec();
            group.setName(n);
            return group;
        }).toList());
    }

    private static ShareGrant grant(String user, AccessLevel level) {
        ShareGrant grant = new ShareGrant();
        grant.setUser(user);
        grant.setLevel(level);
        return grant;
    }

    private ShareSpec export() {
        return server.getSpec().getShares().get(0);
    }

    @Test
    void exportSettingsFollowTheSpecOnAServerWithoutUsersGroupsOrGrants() {
        ShareNfsSpec none = new ShareNfsSpec();
        none.setSquash(SquashMode.NONE);
        export().setNfs(none);
        pass();
        assertThat(dfs.exports.get("/export").squash()).isEqualTo("none");

        export().setNfs(null);
        AccessReport report = pass();
        assertThat(dfs.exports.get("/export").squash()).as("removing nfs puts dfs's default back")
                .isEqualTo("root_to_guest");
        assertThat(report.shareAccess().get("/export")).endsWith("NFS squash root_to_guest");

        dfs.patchNfsExportConfig("/export", com.dittofs.operator.dfsclient.TestRequests.squash("all_to_admin"));
        pass();
        assertThat(dfs.exports.get("/export").squash()).as("a squash changed by hand is reverted")
                .isEqualTo("root_to_guest");

        dfs.writes.clear();
        pass();
        assertThat(dfs.writes).as("converged: reads only").isEmpty();
        assertThat(changes).isEmpty();
        assertThat(dfs.users).as("nothing declared: users are not touched").isEmpty();
    }

    @Test
    void aConvergedServerGetsNoWriteAndNoLogin() {
        groups("eng");
        user("alice", "alice-password").setRole(UserRole.ADMIN);
        user("bob", "bob-password-1").setGroups(List.of("eng"));
        ShareGrant eng = new ShareGrant();
        eng.setGroup("eng");
        eng.setLevel(AccessLevel.READ);
        export().setGrants(List.of(grant("alice", AccessLevel.READ_WRITE), eng));
        AccessReport first = pass();
        assertThat(first.problem()).isNull();
        assertThat(dfs.grants.get("/export")).containsEntry("user alice", "read-write")
                .containsEntry("group eng", "read");

        dfs.writes.clear();
        AccessReport again = pass();
        assertThat(dfs.writes).isEmpty();
        assertThat(changes).isEmpty();
        assertThat(again.users()).allSatisfy(u -> assertThat(u.ready()).isTrue());
    }

    @Test
    void revokingAManagedGrantLeavesAHandMadeOneAlone() {
        user("alice", "alice-password");
        export().setGrants(List.of(grant("alice", AccessLevel.READ_WRITE)));
        dfs.handMade("carol", "carol-password", "user", 2002L);
        dfs.grantUser("/export", "carol", "read");
        pass();

        export().setGrants(null);
        pass();
        assertThat(dfs.grants.get("/export")).containsOnlyKeys("user carol");
        assertThat(changes).containsExactly("Revoked the grant on share /export of user alice");
        assertThat(dfs.users).as("carol is not declared: left alone").containsKey("carol");
    }

    @Test
    void enabledFalseIsSentOnCreateAndOnUpdate() {
        user("alice", "alice-password").setEnabled(false);
        pass();
        assertThat(dfs.users.get("alice").enabled()).isFalse();

        user("bob", "bob-password-1");
        pass();
        server.getSpec().getUsers().get(1).setEnabled(false);
        AccessReport report = pass();
        assertThat(dfs.users.get("bob").enabled()).isFalse();
        assertThat(dfs.writes).contains("updateUser bob");
        assertThat(report.users().get(1).message()).isEqualTo("as declared (disabled)");
    }

    @Test
    void aDisabledUserHoldsNoGrantAndNoGroupUntilEnabledAgain() {
        groups("team");
        UserSpec alice = user("alice", "alice-password");
        alice.setGroups(List.of("team"));
        export().setGrants(List.of(grant("alice", AccessLevel.READ_WRITE)));
        pass();
        assertThat(dfs.grants.get("/export")).containsEntry("user alice", "read-write");
        assertThat(dfs.users.get("alice").groups()).containsExactly("team");

        alice.setEnabled(false); // NFS never asks dfs whether a user is enabled: its grants must go
        AccessReport report = pass();
        assertThat(dfs.grants.get("/export")).doesNotContainKey("user alice");
        assertThat(dfs.users.get("alice").groups()).isEmpty();
        assertThat(dfs.users.get("alice").enabled()).isFalse();
        assertThat(report.shareAccess().get("/export"))
                .startsWith("user alice: read-write (suspended: user disabled); everyone else");

        alice.setEnabled(true);
        pass();
        assertThat(dfs.grants.get("/export")).containsEntry("user alice", "read-write");
        assertThat(dfs.users.get("alice").groups()).containsExactly("team");
        assertThat(dfs.users.get("alice").enabled()).isTrue();
    }

    @Test
    void anAdminIsLoggedInAfterCreationAndAfterAResetSoThatDfsAsksNoFirstChange() {
        user("alice", "first-password").setRole(UserRole.ADMIN);
        pass();
        assertThat(dfs.writes).containsExactly("createUser alice", "loginAs alice");
        assertThat(dfs.users.get("alice").mustChangePassword()).isFalse();

        passwords.put("alice", Password.of("second-password"));
        dfs.writes.clear();
        pass();
        assertThat(dfs.writes).containsExactly("resetPassword alice", "loginAs alice");
        assertThat(dfs.users.get("alice").mustChangePassword()).isFalse();
        assertThat(changes).containsExactly("Reset the password of user alice");

        ledger = new PasswordLedger(); // an operator restart: the password is checked, not reset
        dfs.writes.clear();
        pass();
        assertThat(dfs.writes).containsExactly("loginAs alice");
        assertThat(changes).isEmpty();
    }

    @Test
    void refusalsNameTheGroupOrShareAndThePassGoesOn() {
        groups("eng", "ops");
        user("alice", "alice-password");
        ShareSpec scratch = new ShareSpec();
        scratch.setName("/scratch");
        scratch.setGrants(List.of(grant("alice", AccessLevel.READ)));
        export().setGrants(List.of(grant("alice", AccessLevel.READ_WRITE)));
        server.getSpec().setShares(List.of(export(), scratch));
        dfs.refuse.add("group eng");
        dfs.refuse.add("share /export");

        AccessReport report = pass(Set.of("/export", "/scratch"));
        assertThat(report.problem().kind()).isEqualTo(AccessReport.Kind.GROUP);
        assertThat(report.problem().message()).startsWith("group eng: ");
        assertThat(dfs.groups).containsOnlyKeys("ops");
        assertThat(dfs.users).containsKey("alice");
        assertThat(dfs.grants.get("/scratch")).containsEntry("user alice", "read");

        dfs.refuse.remove("group eng");
        report = pass(Set.of("/export", "/scratch"));
        assertThat(report.problem().kind()).isEqualTo(AccessReport.Kind.SHARE_ACCESS);
        assertThat(report.problem().message()).startsWith("share /export grant of user alice: ");
        assertThat(dfs.groups).containsKeys("eng", "ops");
    }

    @Test
    void aDeclaredNameAdoptsAHandMadeUserAndGroupSaysSoOnceAndNeverDeletesThem() {
        dfs.handMade("alice", "hand-made-pass", "user", null);
        dfs.handMadeGroup("eng", 3000L);
        groups("eng");
        user("alice", "declared-pass").setUid(1001L);
        AccessReport report = pass();
        assertThat(dfs.users.get("alice").uid()).isEqualTo(1001L);
        assertThat(dfs.passwords.get("alice")).isEqualTo("declared-pass");
        assertThat(changes).anySatisfy(c -> assertThat(c).startsWith("Adopted user alice, which existed in dfs"
                + " before it was declared")).anySatisfy(c -> assertThat(c).startsWith("Adopted group eng,"));
        assertThat(report.ownedUsers()).isEqualTo(new Ownership(List.of(), List.of("alice")));
        assertThat(report.ownedGroups()).isEqualTo(new Ownership(List.of(), List.of("eng")));
        assertThat(dfs.users.get("alice").displayName()).as("a hand-made account is not marked as the operator's")
                .isNull();

        pass();
        assertThat(changes).as("said once").isEmpty();

        server.getSpec().setUsers(null);
        server.getSpec().setGroups(null);
        report = pass();
        assertThat(dfs.users).as("adopted, then undeclared: left in dfs").containsKey("alice");
        assertThat(dfs.groups).containsKey("eng");
        assertThat(dfs.writes).noneMatch(w -> w.startsWith("delete"));
        assertThat(report.ownedUsers()).isEqualTo(Ownership.none());
        assertThat(report.undeclared()).as("not the operator's: not named as left by it").isEmpty();
    }

    @Test
    void whatTheOperatorCreatesCarriesItsMarkAndStaysWhenItLeavesTheSpec() {
        groups("eng");
        user("bob", "bob-password-1").setGroups(List.of("eng"));
        export().setGrants(List.of(grant("bob", AccessLevel.READ_WRITE)));
        AccessReport report = pass();
        assertThat(dfs.users.get("bob").displayName()).isEqualTo(Names.DFS_CREATED_MARK);
        assertThat(dfs.groups.get("eng").description()).isEqualTo(Names.DFS_CREATED_MARK);
        assertThat(report.ownedUsers().created()).containsExactly("bob");

        server.getSpec().setUsers(null);
        server.getSpec().setGroups(null);
        export().setGrants(null);
        report = pass();
        assertThat(dfs.users).containsKey("bob");
        assertThat(dfs.passwords.get("bob")).isEqualTo("bob-password-1");
        assertThat(dfs.groups).containsKey("eng");
        assertThat(dfs.grants.get("/export")).as("no longer declared: its grants are left alone too")
                .containsEntry("user bob", "read-write");
        assertThat(report.undeclared()).containsExactly("user bob", "group eng");
        assertThat(report.ownedUsers().created()).containsExactly("bob");

        managed = ManagedAccess.none(); // the status was lost: dfs's mark still says who made them
        user("zoe", "zoe-password");
        report = pass();
        assertThat(report.undeclared()).containsExactly("user bob", "group eng");
    }

    @Test
    void usersAndGroupsDeclaredAbsentAreDeletedWhoeverMadeThemWithoutAPassword() {
        dfs.handMade("carol", "carol-password", "user", 2002L);
        dfs.handMadeGroup("old", 4000L);
        user("dave", "dave-password");
        pass();
        UserSpec carol = new UserSpec();
        carol.setName("carol");
        carol.setEnsure(Ensure.ABSENT);
        UserSpec dave = server.getSpec().getUsers().get(0);
        dave.setEnsure(Ensure.ABSENT);
        dave.setPasswordSecretRef(null);
        passwords.clear(); // an absent user's Secret is not read
        server.getSpec().setUsers(List.of(carol, dave));
        GroupSpec old = new GroupSpec();
        old.setName("old");
        old.setEnsure(Ensure.ABSENT);
        server.getSpec().setGroups(List.of(old));

        AccessReport report = pass();
        assertThat(dfs.users).doesNotContainKeys("carol", "dave");
        assertThat(dfs.groups).doesNotContainKey("old");
        assertThat(changes).contains("Deleted user carol", "Deleted user dave", "Deleted group old");
        assertThat(report.problem()).isNull();
        assertThat(report.users()).as("only present users have a state").isEmpty();
        assertThat(report.ownedUsers()).isEqualTo(Ownership.none());

        dfs.writes.clear();
        pass();
        assertThat(dfs.writes).as("gone: nothing more to do").isEmpty();
    }

    @Test
    void aUserCreatedByAPassThatFailsIsRecordedAndDeletedOnceDeclaredAbsent() {
        user("erin", "erin-password");
        export().setGrants(List.of(grant("erin", AccessLevel.READ)));
        dfs.unanswered = DfsErrors.noResponse(DfsApiException.Kind.TIMED_OUT, "read timed out");
        dfs.silentFrom = "grantUser";
        AccessReport failed = pass();
        assertThat(dfs.users).containsKey("erin");
        assertThat(failed.ownedUsers().created()).as("recorded although the pass failed").containsExactly("erin");

        dfs.unanswered = null;
        managed = ManagedAccess.none(); // even had the status write been lost
        server.getSpec().getUsers().get(0).setEnsure(Ensure.ABSENT);
        export().setGrants(null);
        AccessReport report = pass();
        assertThat(dfs.users).doesNotContainKey("erin");
        assertThat(report.ownedUsers()).isEqualTo(Ownership.none());
    }

    @Test
    void aDisabledUsersPasswordIsLeftAloneUntilItIsEnabledAgain() {
        user("alice", "first-password").setEnabled(false);
        pass();
        ledger = new PasswordLedger(); // operator restart
        dfs.writes.clear();
        pass();
        assertThat(dfs.writes).as("no reset of a user who cannot log in").isEmpty();
        assertThat(changes).isEmpty();

        passwords.put("alice", Password.of("rotated-password"));
        pass();
        assertThat(dfs.passwords.get("alice")).isEqualTo("first-password");

        server.getSpec().getUsers().get(0).setEnabled(true);
        dfs.writes.clear();
        pass();
        assertThat(dfs.writes).as("the new password is set before the account opens")
                .containsExactly("resetPassword alice", "updateUser alice");
        assertThat(dfs.passwords.get("alice")).isEqualTo("rotated-password");
        assertThat(dfs.users.get("alice").enabled()).isTrue();
    }
}
