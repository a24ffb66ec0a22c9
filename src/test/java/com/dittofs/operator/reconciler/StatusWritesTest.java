package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Phase;

class StatusWritesTest {

    @Test
    void theFirstStatusIsWritten() {
        assertThat(StatusWrites.worthWriting(null, status("Pending", 0, 0))).isTrue();
    }

    @Test
    void anUnchangedStatusIsNotWritten() {
        assertThat(StatusWrites.worthWriting(status("Running", 1, 1), status("Running", 1, 1))).isFalse();
    }

    @Test
    void aPodThatExistsButIsNotReadyYetIsNoReasonToWrite() {
        DittoServerStatus after = status("Pending", 1, 0);
        assertThat(StatusWrites.worthWriting(status("Pending", 0, 0), after)).isFalse();
        assertThat(after.getReplicas()).as("the status itself is left as computed").isEqualTo(1);
    }

    @Test
    void theCountIsWrittenWithAnyOtherChange() {
        assertThat(StatusWrites.worthWriting(status("Pending", 0, 0), status("Running", 1, 1))).isTrue();
        assertThat(StatusWrites.worthWriting(status("Running", 1, 1), status("Running", 1, 0))).isTrue();
    }

    private static DittoServerStatus status(String phase, int replicas, int ready) {
        DittoServerStatus status = new DittoServerStatus();
        status.setPhase(Phase.valueOf(phase));
        status.setReplicas(replicas);
        status.setReadyReplicas(ready);
        return status;
    }
}
