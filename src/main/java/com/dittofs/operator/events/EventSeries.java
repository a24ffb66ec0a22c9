package com.dittofs.operator.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The events recorded lately, so that a repeat increments the count of the existing Event instead of creating a new
 * one (as client-go's recorder does): a problem that comes back, or the same drift corrected again, is one Event
 * "x3 over 20m", not three. Bounded: the least recently recorded are forgotten first.
 */
final class EventSeries {

    /** One recorded Event: its name and how often it happened. */
    record Seen(String name, int count) {
    }

    private final Map<String, Seen> seen;

    EventSeries(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > capacity;
            }
        };
    }

    /** What makes two events the same: the object (its uid), type, reason and message. */
    static String key(String uid, String type, String reason, String message) {
        return uid + "\n" + type + "\n" + reason + "\n" + message;
    }

    synchronized Optional<Seen> get(String key) {
        return Optional.ofNullable(seen.get(key));
    }

    synchronized void put(String key, Seen value) {
        seen.put(key, value);
    }
}
