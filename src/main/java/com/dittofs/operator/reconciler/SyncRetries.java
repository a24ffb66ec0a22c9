package com.dittofs.operator.reconciler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dataplane.SyncBackoff;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The failed sync attempts of each server and whether the next may start (see {@link SyncBackoff}). The attempts
 * start over when what a sync depends on changes: the spec's generation, a referenced Secret's resourceVersion, the
 * admin password or the server's pod.
 */
final class SyncRetries {

    private static final Duration DUE_MARGIN = Duration.ofMillis(100);
    private final SyncBackoff backoff;
    private final Clock clock;
    private final Map<ResourceID, SyncBackoff.Attempts> attempts = new ConcurrentHashMap<>();

    SyncRetries(SyncBackoff backoff, Clock clock) {
        this.backoff = backoff;
        this.clock = clock;
    }

    /** What the attempts of this server were made for. Never the password itself. */
    static String resetKey(DittoServer server, Map<String, Secret> referenced, String password, String podUid) {
        Map<String, String> versions = new TreeMap<>();
        referenced.forEach((name, secret) -> versions.put(name, secret.getMetadata().getResourceVersion()));
        return server.getMetadata().getGeneration() + "|" + versions + "|" + podUid + "|"
                + Integer.toHexString(password.hashCode());
    }

    /** Whether a sync of this server may start now. */
    boolean due(ResourceID server, String resetKey) {
        return SyncBackoff.due(attempts.get(server), resetKey, clock.instant());
    }

    /** Notes the end of a sync; returns its outcome. */
    DataPlaneOutcome finished(ResourceID server, String resetKey, DataPlaneOutcome outcome) {
        attempts.compute(server, (id, before) -> backoff.after(before, resetKey, outcome.retryable(),
                clock.instant()));
        return outcome;
    }

    /** The outcome, saying when the next attempt is if it is a failure waiting for one. */
    DataPlaneOutcome annotate(ResourceID server, String resetKey, DataPlaneOutcome outcome) {
        SyncBackoff.Attempts current = attempts.get(server);
        if (current == null || !outcome.retryable() || !current.resetKey().equals(resetKey)) {
            return outcome;
        }
        return outcome.withNextAttempt(backoff.nextAttempt(current));
    }

    /** How long until the next attempt of a failed server, if one waits (a little after it is due). */
    Optional<Duration> nextIn(ResourceID server) {
        return Optional.ofNullable(attempts.get(server)).map(a -> Duration.between(clock.instant(), a.next()))
                .filter(d -> !d.isNegative() && !d.isZero()).map(d -> d.plus(DUE_MARGIN));
    }

    void forget(ResourceID server) {
        attempts.remove(server);
    }
}
