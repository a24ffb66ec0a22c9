package com.dittofs.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The recorder's memory of recent events: what counts as a repeat, and its bound. */
class EventSeriesTest {

    @Test
    void aRepeatIsTheSameObjectTypeReasonAndMessage() {
        String key = EventSeries.key("uid-1", "Warning", "SecretMissing", "Secret a is missing");
        assertThat(EventSeries.key("uid-1", "Warning", "SecretMissing", "Secret a is missing")).isEqualTo(key);
        assertThat(EventSeries.key("uid-2", "Warning", "SecretMissing", "Secret a is missing")).isNotEqualTo(key);
        assertThat(EventSeries.key("uid-1", "Warning", "SecretMissing", "Secret b is missing")).isNotEqualTo(key);
        assertThat(EventSeries.key("uid-1", "Normal", "SecretMissing", "Secret a is missing")).isNotEqualTo(key);
    }

    @Test
    void theLeastRecentlyRecordedAreForgottenFirst() {
        EventSeries series = new EventSeries(2);
        series.put("a", new EventSeries.Seen("e-a", 1));
        series.put("b", new EventSeries.Seen("e-b", 1));
        series.put("a", new EventSeries.Seen("e-a", 2)); // a repeat: a is now the most recent
        series.put("c", new EventSeries.Seen("e-c", 1));
        assertThat(series.get("a")).contains(new EventSeries.Seen("e-a", 2));
        assertThat(series.get("b")).isEmpty();
        assertThat(series.get("c")).isPresent();
    }
}
