package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
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
        return DesiredDataPlane.from(server.getSpec(), Optional.empty());
    }

    @Test
    void anEmptyServerGetsItsStoresAndSharesAndEveryChangeIsAnnounced() {
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired("/export"), List.of());
        assertThat(report.converged()).isTrue();
        assertThat(dfs.metadataStores).containsKey(DesiredDataPlane.METADATA_STORE);
        assertThat(dfs.blockStores).containsKey("local/" + DesiredDataPlane.LOCAL_STORE);
        assertThat(dfs.shares).containsKey("/export");
        assertThat(dfs.writes).as("SMB is enabled by the sample").contains("updateAdapter smb");
        assertThat(report.changes()).contains("Created share /export", "Created metadata store dittofs-metadata",
                "Enabled smb adapter on port 1445");
        assertThat(report.managedShares()).containsExactly("/export");
    }

    @Test
    void aConvergedServerGetsNoWrite() {
        DataPlaneSync.converge(dfs, desired("/export"), List.of());
        dfs.writes.clear();
        DataPlaneReport again = DataPlaneSync.converge(dfs, desired("/export"), List.of("/export"));
        assertThat(dfs.writes).isEmpty();
        assertThat(again.changes()).isEmpty();
        assertThat(again.converged()).isTrue();
    }

    @Test
    void aChangedShareIsUpdatedInPlace() {
        DataPlaneSync.converge(dfs, desired("/export"), List.of());
        DittoServer server = Fixtures.basic();
        server.getSpec().getShares().get(0).setReadOnly(true);
        DataPlaneReport report = DataPlaneSync.converge(dfs, DesiredDataPlane.from(server.getSpec(),
                Optional.empty()), List.of("/export"));
        assertThat(dfs.shares.get("/export").readOnly()).isTrue();
        assertThat(dfs.writes).contains("updateShare /export").doesNotContain("deleteShare /export");
        assertThat(report.changes()).contains("Updated share /export");
    }

    @Test
    void aManagedShareLeavingTheSpecIsDeletedAndForgotten() {
        DataPlaneSync.converge(dfs, desired("/export", "/scratch"), List.of());
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired("/export"), List.of("/export", "/scratch"));
        assertThat(dfs.shares).containsOnlyKeys("/export");
        assertThat(report.managedShares()).containsExactly("/export");
        assertThat(report.changes()).contains("Deleted share /scratch");
    }

    @Test
    void aManagedShareAlreadyGoneIsForgottenWithoutACall() {
        DataPlaneSync.converge(dfs, desired("/export"), List.of());
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired("/export"), List.of("/export", "/gone"));
        assertThat(dfs.writes).doesNotContain("deleteShare /gone");
        assertThat(report.managedShares()).containsExactly("/export");
    }

    @Test
    void handMadeSharesAndStoresAreLeftAlone() {
        DataPlaneSync.converge(dfs, desired("/export"), List.of());
        dfs.handMade("/manual", "other-meta", "other-local");
        dfs.writes.clear();
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired(), List.of("/export"));
        assertThat(dfs.shares).containsOnlyKeys("/manual");
        assertThat(dfs.writes).containsExactly("deleteShare /export");
        assertThat(report.managedShares()).isEmpty();
    }

    @Test
    void aDeclaredShareOnAnotherMetadataStoreIsAConflictNotAMove() {
        DataPlaneSync.converge(dfs, desired(), List.of());
        dfs.handMade("/export", "other-meta", dfs.blockStores.get("local/dittofs-local").id());
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired("/export"), List.of());
        assertThat(report.converged()).isFalse();
        assertThat(report.problem()).contains("another metadata store");
        assertThat(dfs.shares.get("/export").metadataStoreId()).isEqualTo("other-meta");
    }

    @Test
    void aRejectedLoginIsTypedAsSuchAndTouchesNothing() {
        dfs.loginFailure = DfsErrors.http(401, "invalid credentials");
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired("/export"), List.of("/export"));
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.LOGIN_REJECTED);
        assertThat(report.managedShares()).containsExactly("/export");
        assertThat(dfs.writes).isEmpty();
    }

    @Test
    void aLater401IsAnHttpErrorNotARejectedLogin() {
        dfs.callFailure = DfsErrors.http(401, "token expired");
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired("/export"), List.of());
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.HTTP_ERROR);
        assertThat(report.failure().httpStatus()).isEqualTo(401);
    }

    @Test
    void connectFailuresAndTimeoutsKeepTheirKind() {
        dfs.callFailure = DfsErrors.noResponse(DfsApiException.Kind.CONNECT_FAILED, "refused");
        assertThat(DataPlaneSync.converge(dfs, desired("/export"), List.of()).failure().cause())
                .isEqualTo(SyncFailure.Cause.UNREACHABLE);
        dfs.callFailure = DfsErrors.noResponse(DfsApiException.Kind.TIMED_OUT, "read timed out");
        assertThat(DataPlaneSync.converge(dfs, desired("/export"), List.of()).failure().cause())
                .isEqualTo(SyncFailure.Cause.TIMEOUT);
    }

    @Test
    void aMissingAdapterIsAConflict() {
        dfs.adapters.remove("smb");
        DataPlaneReport report = DataPlaneSync.converge(dfs, desired("/export"), List.of());
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.CONFLICT);
        assertThat(report.problem()).contains("smb");
    }
}
