package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.dataplane.DataPlaneReport;
import com.dittofs.operator.dataplane.Ownership;
import com.dittofs.operator.dataplane.SyncFailure;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
import org.junit.jupiter.api.Test;

/** How a sync's failure becomes DataPlaneReady's reason and the phase: typed, never parsed from messages. */
class DataPlaneOutcomesTest {

    private static final List<ShareStatus> BEFORE = List.of(new ShareStatus("/export", true, "serving"));

    private static DataPlaneOutcome stoppedBy(DfsApiException e, boolean login) {
        SyncFailure failure = SyncFailure.of(e, login);
        var unknown = List.of(new DataPlaneReport.ShareState("/export", false, "not reconciled"));
        return DataPlaneOutcomes.of(new DataPlaneReport(unknown, Ownership.of(List.of("/export"), null), List.of(),
                failure.message(), failure), BEFORE);
    }

    @Test
    void refusedConnectionIsUnreachableAndPending() {
        DataPlaneOutcome outcome = stoppedBy(DfsErrors.noResponse(DfsApiException.Kind.CONNECT_FAILED,
                "Connection refused"), true);
        assertThat(outcome.reason()).isEqualTo("ServerUnreachable");
        assertThat(outcome.phaseWhenNotReady()).isEqualTo(Phase.Pending);
        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.serverSilent()).isTrue();
        assertThat(outcome.shares()).as("the shares as last known").isEqualTo(BEFORE);
        assertThat(outcome.ownedShares().created()).containsExactly("/export");
    }

    @Test
    void readTimeoutIsServerTimeoutAndPendingLikeARefusal() {
        DataPlaneOutcome outcome = stoppedBy(DfsErrors.noResponse(DfsApiException.Kind.TIMED_OUT,
                "The timeout period of 10000ms has been exceeded"), false);
        assertThat(outcome.reason()).isEqualTo("ServerTimeout");
        assertThat(outcome.phaseWhenNotReady()).isEqualTo(Phase.Pending);
        assertThat(outcome.serverSilent()).isTrue();
        assertThat(outcome.message()).startsWith("Timed out");
    }

    @Test
    void errorStatusIsApiErrorAndFailed() {
        DataPlaneOutcome outcome = stoppedBy(DfsErrors.http(500, "boom"), false);
        assertThat(outcome.reason()).isEqualTo("ApiError");
        assertThat(outcome.phaseWhenNotReady()).isEqualTo(Phase.Failed);
        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.serverSilent()).isFalse();
        assertThat(outcome.message()).contains("HTTP 500").contains("boom");
    }

    @Test
    void rejectedLoginIsToldApartFromA401Later() {
        assertThat(stoppedBy(DfsErrors.http(401, "invalid credentials"), true).reason())
                .isEqualTo("AdminLoginRejected");
        assertThat(stoppedBy(DfsErrors.http(401, "Invalid or expired token"), false).reason())
                .isEqualTo("ApiError");
        assertThat(stoppedBy(DfsErrors.http(503, "starting"), true).reason()).isEqualTo("ApiError");
    }

    @Test
    void shareProblemsAreConflictsWithTheSharesAsFound() {
        var shares = List.of(new DataPlaneReport.ShareState("/export", false, "share /export exists on another"
                + " metadata store; the operator does not move it"));
        DataPlaneOutcome outcome = DataPlaneOutcomes.of(new DataPlaneReport(shares, Ownership.of(List.of("/export"), null), List.of(),
                shares.get(0).message(), null), BEFORE);
        assertThat(outcome.reason()).isEqualTo("DataPlaneConflict");
        assertThat(outcome.phaseWhenNotReady()).isEqualTo(Phase.Failed);
        assertThat(outcome.shares()).extracting(ShareStatus::getReady).containsExactly(false);
    }

    @Test
    void convergedIsReady() {
        var shares = List.of(new DataPlaneReport.ShareState("/export", true, "serving"));
        DataPlaneOutcome outcome = DataPlaneOutcomes.of(new DataPlaneReport(shares, Ownership.of(List.of("/export"), null), List.of(),
                null, null), null);
        assertThat(outcome.ready()).isTrue();
        assertThat(outcome.reason()).isEqualTo("Converged");
        assertThat(outcome.retryable()).isFalse();
    }
}
