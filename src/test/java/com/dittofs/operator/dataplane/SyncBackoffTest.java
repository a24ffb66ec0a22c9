package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** The pure backoff decision of failed syncs, on a clock that moves only when told. */
class SyncBackoffTest {

    private final SyncBackoff backoff = new SyncBackoff(Duration.ofSeconds(15), Duration.ofMinutes(5));
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** Fails every attempt as soon as it is due; returns the waits between attempts. */
    private List<Duration> failRepeatedly(int attempts, String key) {
        List<Duration> waits = new ArrayList<>();
        SyncBackoff.Attempts state = null;
        for (int i = 0; i < attempts; i++) {
            state = backoff.after(state, key, true, clock.instant());
            Instant failedAt = clock.instant();
            // not due a second before the next attempt, due at it
            clock.advance(Duration.between(failedAt, state.next()).minusSeconds(1));
            assertThat(SyncBackoff.due(state, key, clock.instant())).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(SyncBackoff.due(state, key, clock.instant())).isTrue();
            waits.add(Duration.between(failedAt, clock.instant()));
        }
        return waits;
    }

    @Test
    void theWaitDoublesFrom15SecondsUpTo5Minutes() {
        assertThat(failRepeatedly(8, "gen-1")).extracting(Duration::toSeconds)
                .containsExactly(15L, 30L, 60L, 120L, 240L, 300L, 300L, 300L);
    }

    @Test
    void aHugeNumberOfFailuresStaysAtTheCap() {
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(64)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aSuccessClearsTheAttempts() {
        SyncBackoff.Attempts state = backoff.after(null, "k", true, clock.instant());
        state = backoff.after(state, "k", true, clock.instant());
        assertThat(state.failures()).isEqualTo(2);
        assertThat(backoff.after(state, "k", false, clock.instant())).isNull();
        assertThat(SyncBackoff.due(null, "k", clock.instant())).isTrue();
    }

    @Test
    void aNewSpecGenerationOrSecretVersionStartsOverAtOnce() {
        SyncBackoff.Attempts state = null;
        for (int i = 0; i < 5; i++) {
            state = backoff.after(state, "gen-1|secret-rv-7", true, clock.instant());
        }
        assertThat(Duration.between(clock.instant(), state.next())).isEqualTo(Duration.ofSeconds(240));
        // the user fixed the password Secret: due now, and its failure waits the first step again
        assertThat(SyncBackoff.due(state, "gen-1|secret-rv-8", clock.instant())).isTrue();
        state = backoff.after(state, "gen-1|secret-rv-8", true, clock.instant());
        assertThat(state.failures()).isEqualTo(1);
        assertThat(Duration.between(clock.instant(), state.next())).isEqualTo(Duration.ofSeconds(15));
        assertThat(SyncBackoff.due(state, "gen-2|secret-rv-8", clock.instant())).isTrue();
    }

    @Test
    void theConditionSaysWhenTheNextAttemptIsInOneSentence() {
        SyncBackoff.Attempts state = null;
        for (int i = 0; i < 3; i++) {
            state = backoff.after(state, "k", true, clock.instant());
        }
        assertThat(backoff.nextAttempt(state)).isEqualTo("Attempt 3 failed; the next is at 10:01:00 UTC (after 1 min,"
                + " doubling on each failure), or at once when the spec or a referenced Secret changes.");
        for (int i = 0; i < 5; i++) {
            state = backoff.after(state, "k", true, clock.instant());
        }
        assertThat(backoff.nextAttempt(state)).isEqualTo("Attempt 8 failed; the next is at 10:05:00 UTC (after 5 min,"
                + " the longest wait), or at once when the spec or a referenced Secret changes.");
    }
}
