package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's duration syntax, as dfs writes policies back (Duration.String()) and as users write them. */
class GoDurationsTest {

    @Test
    void readsWhatDfsWritesBack() {
        assertThat(GoDurations.parse("24h0m0s")).isEqualTo(Duration.ofDays(1));
        assertThat(GoDurations.parse("1h30m0s")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDurations.parse("720h0m0s")).isEqualTo(Duration.ofDays(30));
        assertThat(GoDurations.parse("1m0.5s")).isEqualTo(Duration.ofMillis(60_500));
        assertThat(GoDurations.parse("0s")).isZero();
    }

    @Test
    void readsWhatPeopleWrite() {
        assertThat(GoDurations.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDurations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDurations.parse(".5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(GoDurations.parse("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(GoDurations.parse("2us")).isEqualTo(Duration.ofNanos(2_000));
        assertThat(GoDurations.parse("2µs")).isEqualTo(Duration.ofNanos(2_000));
        assertThat(GoDurations.parse("0")).isZero();
        assertThat(GoDurations.parse("-1h")).isEqualTo(Duration.ofHours(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1", "1d", "h", "1h 30m", "00", "1.h.5"})
    void refusesWhatGoRefuses(String text) {
        assertThatThrownBy(() -> GoDurations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalsTakeDfsShorthandsInAnyCase() {
        assertThat(GoDurations.interval("@daily")).isEqualTo(Duration.ofDays(1));
        assertThat(GoDurations.interval("@Hourly")).isEqualTo(Duration.ofHours(1));
        assertThat(GoDurations.interval("@WEEKLY")).isEqualTo(Duration.ofDays(7));
        assertThat(GoDurations.interval("6h")).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(() -> GoDurations.interval("@yearly")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingTtlIsNoBound() {
        assertThat(GoDurations.ttl(null)).isZero();
        assertThat(GoDurations.ttl("")).isZero();
        assertThat(GoDurations.ttl("0")).isZero();
        assertThat(GoDurations.ttl("720h")).isEqualTo(Duration.ofDays(30));
    }
}
