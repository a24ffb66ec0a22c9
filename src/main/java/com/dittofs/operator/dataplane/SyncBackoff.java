package com.dittofs.operator.dataplane;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * When a server whose sync failed is tried again: after {@code initial}, then twice as long after each further failure,
 * at most {@code max} (15 s, 30 s, 60 s, ... 5 min by default). A failure that only an edit can fix (a rejected admin
 * password, a refused user) is thus not retried every 15 s forever, which an account lockout or an audit would not
 * forgive. A change of what the sync depends on (the spec's generation, a referenced Secret, the pod) starts over at
 * once. Pure: the caller keeps the attempts and passes the time.
 */
public record SyncBackoff(Duration initial, Duration max) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * The failed attempts since the last success or reset.
     *
     * @param resetKey what the attempts were made for; another key starts over
     * @param failures consecutive failed attempts (at least 1)
     * @param next the earliest time of the next attempt
     */
    public record Attempts(String resetKey, int failures, Instant next) {
    }

    /** The wait after the given number of consecutive failures (1-based). */
    public Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    /**
     * The attempts after one that ended now.
     *
     * @param before the attempts so far, or null
     * @param failed whether this attempt failed in a way a later one may fix
     * @return null after a success (nothing to wait for)
     */
    public Attempts after(Attempts before, String resetKey, boolean failed, Instant now) {
        if (!failed) {
            return null;
        }
        int failures = (before != null && before.resetKey().equals(resetKey) ? before.failures() : 0) + 1;
        return new Attempts(resetKey, failures, now.plus(delay(failures)));
    }

    /** Whether a sync may start now: nothing failed, the inputs changed since, or the wait is over. */
    public static boolean due(Attempts attempts, String resetKey, Instant now) {
        return attempts == null || !attempts.resetKey().equals(resetKey) || !now.isBefore(attempts.next());
    }

    /** What the condition says of the next attempt, in one sentence (no relative time: it would change each pass). */
    public String nextAttempt(Attempts attempts) {
        String wait = human(delay(attempts.failures()));
        return "Attempt " + attempts.failures() + " failed; the next is at " + TIME.format(attempts.next()) + " (after "
                + wait + (delay(attempts.failures()).equals(max) ? ", the longest wait" : ", doubling on each failure")
                + "), or at once when the spec or a referenced Secret changes.";
    }

    static String human(Duration d) {
        if (d.toSeconds() < 120 && d.toSeconds() % 60 != 0) {
            return d.toSeconds() + " s";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
