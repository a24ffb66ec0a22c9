package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import org.junit.jupiter.api.Test;

/** Kubernetes refuses a preStop sleep longer than the grace period: the schema's minimum must cover the sleep. */
class GracePeriodBoundTest {

    @Test
    void theSmallestAdmittedGracePeriodHoldsThePreStopSleep() {
        assertThat(PodTemplates.PRE_STOP_SECONDS)
                .isLessThanOrEqualTo(DittoServerSpec.MIN_TERMINATION_GRACE_SECONDS);
    }
}
