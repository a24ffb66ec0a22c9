package com.dittofs.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DfsCallMeterTest {

    @Test
    void outcomesAreABoundedSet() {
        assertThat(DfsCallMeter.outcome(200, null)).isEqualTo("success");
        assertThat(DfsCallMeter.outcome(404, null)).isEqualTo("client_error");
        assertThat(DfsCallMeter.outcome(503, null)).isEqualTo("server_error");
        assertThat(DfsCallMeter.outcome(-1, "connect_failed")).isEqualTo("connect_failed");
    }
}
