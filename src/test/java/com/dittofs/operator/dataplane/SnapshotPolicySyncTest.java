package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareSnapshotPolicySpec;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.dataplane.SnapshotPolicySync.DesiredPolicy;
import com.dittofs.operator.dataplane.SnapshotPolicySync.Result;
import com.dittofs.operator.fixtures.Fixtures;

/** Policies converged both ways, with the ownership rules of shares, against policies held as dfs holds them. */
class SnapshotPolicySyncTest {

    private final FakeSnapshots dfs = new FakeSnapshots();
    private final List<String> changes = new ArrayList<>();

    private static DesiredPolicy daily(String share) {
        return new DesiredPolicy(share, "@daily", 7, "720h", true, "team", false);
    }

    private static DesiredPolicy absent(String share) {
        return new DesiredPolicy(share, null, 0, null, true, null, true);
    }

    private Result converge(Ownership before, DesiredPolicy... desired) {
        return SnapshotPolicySync.converge(dfs, List.of(desired), before, Set.of("/team", "/other"), changes);
    }

    @Test
    void aDeclaredPolicyIsCreatedThenLeftAloneWhileDfsMatches() {
        Result first = converge(Ownership.none(), daily("/team"));
        assertThat(dfs.policies.get("/team").interval()).isEqualTo("24h0m0s");
        assertThat(first.owned().created()).containsExactly("/team");
        assertThat(changes).containsExactly("Created snapshot policy on /team");

        changes.clear();
        dfs.writes.clear();
        Result second = converge(first.owned(), daily("/team"));
        assertThat(dfs.writes).as("@daily equals dfs's 24h0m0s: no write").isEmpty();
        assertThat(changes).isEmpty();
        assertThat(second.owned()).isEqualTo(first.owned());
    }

    @Test
    void aHandMadePolicyIsAdoptedOnceAndKeptAsDeclared() {
        dfs.handMade("/team", "1h0m0s", 0, null, true, null);
        Result first = converge(Ownership.none(), daily("/team"));
        assertThat(first.owned().adopted()).containsExactly("/team");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).startsWith("Adopted snapshot policy on /team, which existed in dfs");
        assertThat(changes.get(1)).isEqualTo("Updated snapshot policy on /team");
        assertThat(dfs.policies.get("/team").keepLast()).isEqualTo(7);

        changes.clear();
        dfs.handMade("/team", "24h0m0s", 7, "720h0m0s", false, "team");
        converge(first.owned(), daily("/team"));
        assertThat(changes).as("announced once; a hand edit is undone").containsExactly(
                "Updated snapshot policy on /team");
        assertThat(dfs.policies.get("/team").enabled()).isTrue();
    }

    @Test
    void absentDeletesAnyPolicyAndUndeclaredOnesAreLeftAlone() {
        dfs.handMade("/team", "1h0m0s", 0, null, true, null);
        dfs.handMade("/other", "1h0m0s", 0, null, true, null);
        dfs.handMade("/byhand", "1h0m0s", 0, null, true, null);
        Result result = converge(Ownership.none(), absent("/team"));
        assertThat(dfs.policies).containsOnlyKeys("/other", "/byhand");
        assertThat(changes).containsExactly("Deleted snapshot policy on /team (ensure: absent)");
        assertThat(result.owned()).isEqualTo(Ownership.none());

        changes.clear();
        dfs.writes.clear();
        converge(Ownership.none(), absent("/team"));
        assertThat(dfs.writes).as("already gone").isEmpty();
    }

    @Test
    void aCreatedPolicyThatLeavesTheSpecStaysInDfsAndIsNamed() {
        Result first = converge(Ownership.none(), daily("/team"));
        Result second = converge(first.owned());
        assertThat(dfs.policies).containsKey("/team");
        assertThat(second.undeclared()).containsExactly("/team");
        assertThat(second.owned().created()).containsExactly("/team");
    }

    /** Through the data-plane pass: from spec.shares[].snapshotPolicy to dfs, after the share is served. */
    @Test
    void theDataPlanePassConvergesTheDeclaredPolicies() {
        DittoServer server = Fixtures.basic();
        ShareSpec share = new ShareSpec();
        share.setName("/team");
        ShareSnapshotPolicySpec policy = new ShareSnapshotPolicySpec();
        policy.setInterval("6h");
        policy.setKeepLast(4);
        share.setSnapshotPolicy(policy);
        server.getSpec().setShares(List.of(share));
        DesiredDataPlane desired = DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of());

        DataPlaneReport report = DataPlaneSync.converge(new FakeDfs(), null, dfs, desired, Ownership.none(),
                ManagedAccess.none(), Ownership.none(), new PasswordLedger(), "");
        assertThat(report.converged()).isTrue();
        assertThat(dfs.policies.get("/team").interval()).isEqualTo("6h0m0s");
        assertThat(report.policies().owned().created()).containsExactly("/team");
        assertThat(report.changes()).contains("Created share /team", "Created snapshot policy on /team");
        assertThat(report.changes().indexOf("Created snapshot policy on /team"))
                .as("after its share").isGreaterThan(report.changes().indexOf("Created share /team"));

        server.getSpec().getShares().get(0).setSnapshotPolicy(null);
        DataPlaneReport removed = DataPlaneSync.converge(new FakeDfs(), null, dfs,
                DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of()), Ownership.none(),
                ManagedAccess.none(), report.policies().owned(), new PasswordLedger(), "");
        assertThat(dfs.policies).as("left in dfs").containsKey("/team");
        assertThat(removed.undeclared()).containsExactly("snapshot policy /team");
    }

    @Test
    void aServerWithoutPoliciesIsNotAskedForThem() {
        DittoServer server = Fixtures.basic();
        DataPlaneReport report = DataPlaneSync.converge(new FakeDfs(), null, dfs,
                DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of()), Ownership.none(),
                ManagedAccess.none(), Ownership.none(), new PasswordLedger(), "");
        assertThat(report.converged()).isTrue();
        assertThat(dfs.lists).as("no GET /snapshot-policies").isZero();
        assertThat(report.policies()).as("the record stays as it was").isNull();
    }

    @Test
    void aShareThatIsNotServedGetsNoPolicyYet() {
        SnapshotPolicySync.converge(dfs, List.of(daily("/later")), Ownership.none(), Set.of("/team"), changes);
        assertThat(dfs.writes).isEmpty();
    }
}
