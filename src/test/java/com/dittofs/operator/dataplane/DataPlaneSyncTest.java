package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.NfsFeatureSpec;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
import com.dittofs.operator.dfsclient.NfsAdapterSettings;
import com.dittofs.operator.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** Convergence against an in-memory dfs: what is created, updated and deleted, and what is left alone. */
class DataPlaneSyncTest {

    private final FakeDfs dfs = new FakeDfs();

    private static DesiredDataPlane desired(String... shares) {
        DittoServer server = Fixtures.basic();
        server.getSpec().setShares(java.util.Arrays.stream(shares).map(name -> {
            ShareSpec share = new ShareSpec();
            share.setName(name);
            return share;
        }).toList());
        return DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of());
    }

    @Test
    void anEmptyServerGetsItsStoresAndSharesAndEveryChangeIsAnnounced() {
        DataPlaneReport report = Converge.converge(dfs, desired("/export"), Ownership.none());
        assertThat(report.converged()).isTrue();
        assertThat(dfs.metadataStores).containsKey(DesiredDataPlane.METADATA_STORE);
        assertThat(dfs.blockStores).containsKey("local/" + DesiredDataPlane.LOCAL_STORE);
        assertThat(dfs.shares).containsKey("/export");
        assertThat(dfs.writes).as("SMB is enabled by the sample").contains("updateAdapter smb");
        assertThat(report.changes()).contains("Created share /export", "Created metadata store dittofs-metadata",
                "Enabled smb adapter on port 1445");
        assertThat(report.ownedShares().created()).containsExactly("/export");
    }

    @Test
    void aConvergedServerGetsNoWrite() {
        Converge.converge(dfs, desired("/export"), Ownership.none());
        dfs.writes.clear();
        DataPlaneReport again = Converge.converge(dfs, desired("/export"), created("/export"));
        assertThat(dfs.writes).isEmpty();
        assertThat(again.changes()).isEmpty();
        assertThat(again.converged()).isTrue();
    }

    /** dfs reads portmapper and UDP only when the NFS adapter starts: a change is written, then applied by a restart. */
    @Test
    void portmapperAndUdpAreSetAndTheRunningNfsAdapterRestartedOnce() {
        Converge.converge(dfs, desired("/export"), Ownership.none());
        dfs.writes.clear();
        DittoServer server = Fixtures.basic();
        server.getSpec().getNfs().setPortmapper(new NfsFeatureSpec(true));
        server.getSpec().getNfs().setUdp(new NfsFeatureSpec(true));
        DesiredDataPlane withPortmapper = DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of());
        DataPlaneReport report = Converge.converge(dfs, withPortmapper, created("/export"));
        assertThat(dfs.writes).containsExactly("patchNfsSettings", "updateAdapter nfs", "updateAdapter nfs");
        assertThat(dfs.runningNfsSettings).isEqualTo(new NfsAdapterSettings(true, 10111, true));
        assertThat(dfs.adapters.get("nfs").enabled()).isTrue();
        assertThat(report.changes()).contains("Set nfs adapter settings: portmapper on, UDP on",
                "Restarted nfs adapter to apply its settings");

        dfs.writes.clear();
        Converge.converge(dfs, withPortmapper, created("/export"));
        assertThat(dfs.writes).as("steady state").isEmpty();

        Converge.converge(dfs, desired("/export"), created("/export"));
        assertThat(dfs.runningNfsSettings).as("turned off again").isEqualTo(new NfsAdapterSettings(false, 10111,
                false));
    }

    @Test
    void aChangedShareIsUpdatedInPlace() {
        Converge.converge(dfs, desired("/export"), Ownership.none());
        DittoServer server = Fixtures.basic();
        server.getSpec().getShares().get(0).setReadOnly(true);
        DataPlaneReport report = Converge.converge(dfs, DesiredDataPlane.from(server.getSpec(),
                Optional.empty(), Map.of()), created("/export"));
        assertThat(dfs.shares.get("/export").readOnly()).isTrue();
        assertThat(dfs.writes).contains("updateShare /export").doesNotContain("deleteShare /export");
        assertThat(report.changes()).contains("Updated share /export");
    }

    @Test
    void aShareLeavingTheSpecStaysInDfsAndIsNamedAsLeftThere() {
        Converge.converge(dfs, desired("/export", "/scratch"), Ownership.none());
        DataPlaneReport report = Converge.converge(dfs, desired("/export"), created("/export", "/scratch"));
        assertThat(dfs.shares).as("nothing is deleted because it is missing from the spec")
                .containsOnlyKeys("/export", "/scratch");
        assertThat(dfs.writes).doesNotContain("deleteShare /scratch");
        assertThat(report.ownedShares().created()).containsExactly("/export", "/scratch");
        assertThat(report.undeclared()).containsExactly("share /scratch");
        assertThat(report.converged()).isTrue();
    }

    @Test
    void aShareDeclaredAbsentIsDeletedWhoeverMadeIt() {
        Converge.converge(dfs, desired("/export"), Ownership.none());
        dfs.handMade("/manual", "other-meta", "other-local");
        DittoServer server = Fixtures.basic();
        server.getSpec().setShares(List.of(share("/export", Ensure.ABSENT), share("/manual", Ensure.ABSENT),
                share("/never", Ensure.ABSENT)));
        DataPlaneReport report = Converge.converge(dfs, DesiredDataPlane.from(server.getSpec(),
                Optional.empty(), Map.of()), created("/export"));
        assertThat(dfs.shares).isEmpty();
        assertThat(dfs.writes).contains("deleteShare /export", "deleteShare /manual")
                .doesNotContain("deleteShare /never");
        assertThat(report.changes()).contains("Deleted share /manual (ensure: absent)");
        assertThat(report.shares()).as("absent shares are not served: no state, no endpoints").isEmpty();
        assertThat(report.ownedShares()).isEqualTo(Ownership.none());
        assertThat(report.converged()).isTrue();
    }

    @Test
    void aHandMadeShareIsAdoptedOnceAndStaysWhenItLeavesTheSpec() {
        Converge.converge(dfs, desired(), Ownership.none());
        dfs.handMade("/manual", dfs.metadataStores.get(DesiredDataPlane.METADATA_STORE).id(),
                dfs.blockStores.get("local/" + DesiredDataPlane.LOCAL_STORE).id());
        DataPlaneReport adopted = Converge.converge(dfs, desired("/manual"), Ownership.none());
        assertThat(adopted.changes()).singleElement().asString().startsWith("Adopted share /manual, which existed"
                + " in dfs before it was declared");
        assertThat(adopted.ownedShares()).isEqualTo(new Ownership(List.of(), List.of("/manual")));

        DataPlaneReport again = Converge.converge(dfs, desired("/manual"), adopted.ownedShares());
        assertThat(again.changes()).as("said once").isEmpty();

        DataPlaneReport left = Converge.converge(dfs, desired(), again.ownedShares());
        assertThat(dfs.shares).containsKey("/manual");
        assertThat(left.ownedShares()).as("hand-made again: neither created nor adopted").isEqualTo(Ownership.none());
        assertThat(left.undeclared()).isEmpty();
    }

    @Test
    void aShareCreatedByAPassThatFailsLaterIsRecorded() {
        FakeAccess access = new FakeAccess();
        access.unanswered = DfsErrors.noResponse(DfsApiException.Kind.TIMED_OUT, "read timed out");
        DataPlaneReport report = DataPlaneSync.converge(dfs, access, null, desired("/export"), Ownership.none(),
                ManagedAccess.none(), Ownership.none(), new PasswordLedger(), "s");
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.TIMEOUT);
        assertThat(dfs.shares).containsKey("/export");
        assertThat(report.ownedShares().created()).containsExactly("/export");
    }

    private static ShareSpec share(String name, Ensure ensure) {
        ShareSpec share = new ShareSpec();
        share.setName(name);
        share.setEnsure(ensure);
        return share;
    }

    private static Ownership created(String... shares) {
        return new Ownership(List.of(shares), List.of());
    }

    @Test
    void aManagedShareAlreadyGoneIsForgottenWithoutACall() {
        Converge.converge(dfs, desired("/export"), Ownership.none());
        DataPlaneReport report = Converge.converge(dfs, desired("/export"), created("/export", "/gone"));
        assertThat(dfs.writes).doesNotContain("deleteShare /gone");
        assertThat(report.ownedShares().created()).containsExactly("/export");
    }

    @Test
    void handMadeSharesAndStoresAreLeftAlone() {
        Converge.converge(dfs, desired("/export"), Ownership.none());
        dfs.handMade("/manual", "other-meta", "other-local");
        dfs.writes.clear();
        DataPlaneReport report = Converge.converge(dfs, desired(), created("/export"));
        assertThat(dfs.shares).containsOnlyKeys("/export", "/manual");
        assertThat(dfs.writes).isEmpty();
        assertThat(report.ownedShares().created()).containsExactly("/export");
    }

    @Test
    void aDeclaredShareOnAnotherMetadataStoreIsAConflictNotAMove() {
        Converge.converge(dfs, desired(), Ownership.none());
        dfs.handMade("/export", "other-meta", dfs.blockStores.get("local/dittofs-local").id());
        DataPlaneReport report = Converge.converge(dfs, desired("/export"), Ownership.none());
        assertThat(report.converged()).isFalse();
        assertThat(report.problem()).contains("another metadata store");
        assertThat(dfs.shares.get("/export").metadataStoreId()).isEqualTo("other-meta");
    }

    @Test
    void aRejectedLoginIsTypedAsSuchAndTouchesNothing() {
        dfs.loginFailure = DfsErrors.http(401, "invalid credentials");
        DataPlaneReport report = Converge.converge(dfs, desired("/export"), created("/export"));
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.LOGIN_REJECTED);
        assertThat(report.ownedShares().created()).containsExactly("/export");
        assertThat(dfs.writes).isEmpty();
    }

    @Test
    void aLater401IsAnHttpErrorNotARejectedLogin() {
        dfs.callFailure = DfsErrors.http(401, "token expired");
        DataPlaneReport report = Converge.converge(dfs, desired("/export"), Ownership.none());
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.HTTP_ERROR);
        assertThat(report.failure().message()).startsWith("HTTP 401");
    }

    @Test
    void connectFailuresAndTimeoutsKeepTheirKind() {
        dfs.callFailure = DfsErrors.noResponse(DfsApiException.Kind.CONNECT_FAILED, "refused");
        assertThat(Converge.converge(dfs, desired("/export"), Ownership.none()).failure().cause())
                .isEqualTo(SyncFailure.Cause.UNREACHABLE);
        dfs.callFailure = DfsErrors.noResponse(DfsApiException.Kind.TIMED_OUT, "read timed out");
        assertThat(Converge.converge(dfs, desired("/export"), Ownership.none()).failure().cause())
                .isEqualTo(SyncFailure.Cause.TIMEOUT);
    }

    @Test
    void aMissingAdapterIsAConflict() {
        dfs.adapters.remove("smb");
        DataPlaneReport report = Converge.converge(dfs, desired("/export"), Ownership.none());
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.CONFLICT);
        assertThat(report.problem()).contains("smb");
    }
}
