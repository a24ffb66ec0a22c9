package com.dittofs.operator.dfsclient;

import java.time.Duration;

/**
 * Bounded exponential backoff for transient failures only. Kept short on purpose: the caller is a reconcile loop
 * that will come back anyway, so a long retry would only hold a reconciler thread.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff cap of a single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    /** Wait before attempt {@code attempt} (2-based): initial, 2x, 4x, ... capped. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 2, 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
