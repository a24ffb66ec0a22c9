package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import com.dittofs.operator.dependent.StatefulSetRecreation;
import org.junit.jupiter.api.Test;

class RechecksTest {

    /** A running server with nothing left to do: dfs converged, volumes at size, nothing awaited. */
    private static final Rechecks.Found SETTLED = new Rechecks.Found(false, false, Optional.empty(), true, true, false,
            false, Optional.empty());

    @Test
    void aSettledServerLooksForDriftNowAndThen() {
        assertThat(Rechecks.next(SETTLED)).contains(Rechecks.DATA_PLANE_DRIFT_CHECK);
    }

    @Test
    void withoutAnythingToWaitForOnlyEventsBringItBack() {
        var managedElsewhere = new Rechecks.Found(false, false, Optional.empty(), false, true, false, false,
                Optional.empty());
        assertThat(Rechecks.next(managedElsewhere)).isEmpty();
    }

    @Test
    void theReconcilesProgressPicksOneWaitInOrder() {
        var missing = new Rechecks.Found(true, true, Optional.of(Duration.ofSeconds(3)), true, true, false, false,
                Optional.empty());
        assertThat(Rechecks.next(missing)).contains(Rechecks.MISSING_SECRET_RECHECK);
        var completed = new Rechecks.Found(false, true, Optional.of(Duration.ofSeconds(3)), true, true, false, false,
                Optional.empty());
        assertThat(Rechecks.next(completed)).contains(Rechecks.INPUTS_COMPLETED_RECHECK);
        var failing = new Rechecks.Found(false, false, Optional.of(Duration.ofSeconds(3)), false, true, false, false,
                Optional.empty());
        assertThat(Rechecks.next(failing)).contains(Duration.ofSeconds(3));
    }

    @Test
    void theShortestOfEveryOtherWaitWins() {
        var resizing = new Rechecks.Found(false, false, Optional.empty(), true, false, false, false, Optional.empty());
        assertThat(Rechecks.next(resizing)).contains(Rechecks.VOLUME_RECHECK);
        var podAwaited = new Rechecks.Found(false, false, Optional.empty(), true, false, true, false,
                Optional.empty());
        assertThat(Rechecks.next(podAwaited)).contains(ServerPod.RECHECK);
        var recreating = new Rechecks.Found(false, false, Optional.empty(), true, true, true, true, Optional.empty());
        assertThat(Rechecks.next(recreating)).contains(StatefulSetRecreation.RECHECK);
        var renewingSoon = new Rechecks.Found(false, false, Optional.empty(), true, true, true, true,
                Optional.of(Duration.ofSeconds(1)));
        assertThat(Rechecks.next(renewingSoon)).contains(Duration.ofSeconds(1));
        var missingButRenewingLater = new Rechecks.Found(true, false, Optional.empty(), false, true, false, false,
                Optional.of(Duration.ofDays(30)));
        assertThat(Rechecks.next(missingButRenewingLater)).contains(Rechecks.MISSING_SECRET_RECHECK);
    }
}
