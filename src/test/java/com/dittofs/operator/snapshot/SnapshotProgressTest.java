package com.dittofs.operator.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.SnapshotPhase;
import com.dittofs.operator.dfsclient.Snapshot;
import org.junit.jupiter.api.Test;

/** dfs's states as phases, and the times dfs reports as a duration. */
class SnapshotProgressTest {

    @Test
    void eachDfsStateHasItsPhase() {
        assertThat(phase(Snapshot.CREATING)).isEqualTo(SnapshotPhase.Running);
        assertThat(phase(Snapshot.READY)).isEqualTo(SnapshotPhase.Ready);
        assertThat(phase(Snapshot.FAILED)).isEqualTo(SnapshotPhase.Failed);
        assertThat(phase("verifying")).as("a state dfs adds later is not taken for an end").isEqualTo(
                SnapshotPhase.Running);
    }

    @Test
    void aFailureWithoutWordsSaysSo() {
        assertThat(SnapshotProgress.verdict(FakeShareSnapshots.snapshot("s", "n", Snapshot.FAILED, " "), "/export")
                .message()).contains("no reason given");
    }

    @Test
    void theDurationIsMissingRatherThanWrongWhenATimeIsUnknown() {
        Instant start = Instant.parse("2026-12-07T04:00:00Z");
        assertThat(SnapshotProgress.duration(start, start.plusMillis(1500))).isEqualTo(1.5);
        assertThat(SnapshotProgress.duration(null, start)).isNull();
        assertThat(SnapshotProgress.duration(start, start.minusSeconds(1))).isNull();
    }

    private static SnapshotPhase phase(String state) {
        return SnapshotProgress.verdict(FakeShareSnapshots.snapshot("s", "n", state, null), "/export").phase();
    }
}
