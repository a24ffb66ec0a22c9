package com.dittofs.operator.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Per server and share, what the last census of its snapshots found (unlike {@link OperatorMeters}, these are per
 * share: one series for each share that has a snapshot or an enabled policy, removed with the share, the policy or the
 * server, so no series outlives what it describes):
 * <ul>
 * <li>{@code dittofs_share_last_snapshot_timestamp_seconds}: when the newest ready snapshot was taken (Unix time);</li>
 * <li>{@code dittofs_share_snapshot_policy_interval_seconds}: the interval of the share's enabled policy;</li>
 * <li>{@code dittofs_share_snapshot_policy_created_timestamp_seconds}: since when dfs has that policy.</li>
 * </ul>
 * Labels {@code server_namespace}, {@code server}, {@code share}: not {@code namespace}, which Prometheus sets on every
 * series to the namespace of the scraped pod (the operator's).
 */
@Singleton
public class SnapshotMeters {

    public static final String LAST = "dittofs.share.last.snapshot.timestamp.seconds";
    public static final String INTERVAL = "dittofs.share.snapshot.policy.interval.seconds";
    public static final String CREATED = "dittofs.share.snapshot.policy.created.timestamp.seconds";

    /**
     * What a census found of one share.
     *
     * @param policyInterval the interval of its enabled policy, if it has one
     * @param policyCreated since when dfs has that policy
     */
    public record Share(String name, Optional<Instant> lastSnapshot, Optional<Duration> policyInterval,
            Optional<Instant> policyCreated) {
    }

    /** A gauge's value, set by each census. */
    private static final class Value {
        volatile double seconds;
    }

    private record Series(String name, String share) {
    }

    private final MeterRegistry registry;
    /** By server ("namespace/name"): its series and their gauges. */
    private final Map<String, Map<Series, Registered>> servers = new HashMap<>();

    private record Registered(Gauge gauge, Value value) {
    }

    @Inject
    public SnapshotMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Sets the server's series to what the census found; series of shares or policies no longer there go. */
    public synchronized void update(String namespace, String server, Collection<Share> census) {
        Map<Series, Double> wanted = new HashMap<>();
        for (Share s : census) {
            s.lastSnapshot().ifPresent(l -> wanted.put(new Series(LAST, s.name()), seconds(l)));
            s.policyInterval().ifPresent(i -> wanted.put(new Series(INTERVAL, s.name()), (double) i.toSeconds()));
            s.policyInterval().flatMap(i -> s.policyCreated())
                    .ifPresent(c -> wanted.put(new Series(CREATED, s.name()), seconds(c)));
        }
        Map<Series, Registered> have = servers.computeIfAbsent(namespace + "/" + server, k -> new HashMap<>());
        have.entrySet().removeIf(e -> {
            boolean gone = !wanted.containsKey(e.getKey());
            if (gone) {
                registry.remove(e.getValue().gauge());
            }
            return gone;
        });
        wanted.forEach((series, value) -> have.computeIfAbsent(series, s -> register(namespace, server, s))
                .value().seconds = value);
        if (have.isEmpty()) {
            servers.remove(namespace + "/" + server);
        }
    }

    /** The server is gone, stopped or no longer looked at: all its series go. */
    public synchronized void remove(String namespace, String server) {
        Map<Series, Registered> have = servers.remove(namespace + "/" + server);
        if (have != null) {
            have.values().forEach(r -> registry.remove(r.gauge()));
        }
    }

    private Registered register(String namespace, String server, Series series) {
        Value value = new Value();
        Gauge gauge = Gauge.builder(series.name(), value, v -> v.seconds)
                .tags(Tags.of("server_namespace", namespace, "server", server, "share", series.share()))
                .description(DESCRIPTIONS.get(series.name()))
                .strongReference(true)
                .register(registry);
        return new Registered(gauge, value);
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            LAST, "When the share's newest ready snapshot was taken (Unix time)",
            INTERVAL, "The interval of the share's enabled snapshot policy",
            CREATED, "Since when dfs has the share's enabled snapshot policy (Unix time)");
}
