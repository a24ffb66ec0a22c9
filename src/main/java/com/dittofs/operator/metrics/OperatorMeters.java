package com.dittofs.operator.metrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Phase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;

/**
 * The operator's own meters, each with bounded labels (never a server's name or namespace):
 * <ul>
 * <li>{@code dittofs_operator_reconciles_total{result}}: success or error;</li>
 * <li>{@code dittofs_operator_servers{phase}}: DittoServers per status phase (None before the first status);</li>
 * <li>{@code dittofs_operator_server_conditions{type,status}}: DittoServers per condition type and status.</li>
 * </ul>
 * dfs REST calls are counted by {@link DfsCallMeter}. Gauges read the operator's cache of DittoServers when scraped.
 */
@Singleton
public class OperatorMeters {

    public static final String RECONCILES = "dittofs.operator.reconciles";
    public static final String SERVERS = "dittofs.operator.servers";
    public static final String CONDITIONS = "dittofs.operator.server.conditions";
    static final List<String> STATUSES = List.of("True", "False", "Unknown");
    static final String NO_PHASE = "None";

    private final MeterRegistry registry;
    private volatile IndexerResourceCache<DittoServer> servers;
    private final Set<String> conditionTypes = ConcurrentHashMap.newKeySet();

    @Inject
    public OperatorMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void reconciled(boolean success) {
        registry.counter(RECONCILES, "result", success ? "success" : "error").increment();
    }

    /** Registers the gauges over the operator's cache of DittoServers (once, when the controller starts). */
    public void watch(IndexerResourceCache<DittoServer> cache) {
        servers = cache;
        for (Phase phase : Phase.values()) {
            gauge(SERVERS, "phase", phase.name(), s -> s.getStatus() != null && s.getStatus().getPhase() == phase);
        }
        gauge(SERVERS, "phase", NO_PHASE, s -> s.getStatus() == null || s.getStatus().getPhase() == null);
    }

    /** Adds the gauges of condition types not seen before (types come from the operator's code: a bounded set). */
    public void conditionsSeen(DittoServerStatus status) {
        status.getConditions().forEach(c -> {
            if (conditionTypes.add(c.getType())) {
                STATUSES.forEach(value -> registerCondition(c.getType(), value));
            }
        });
    }

    private void registerCondition(String type, String status) {
        Gauge.builder(CONDITIONS, () -> count(s -> s.getStatus() != null && s.getStatus().getConditions().stream()
                        .anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()))))
                .tags("type", type, "status", status)
                .description("DittoServers by condition type and status")
                .register(registry);
    }

    private void gauge(String name, String tag, String value, Predicate<DittoServer> matches) {
        Gauge.builder(name, () -> count(matches)).tags(tag, value).description("DittoServers by phase")
                .register(registry);
    }

    private long count(Predicate<DittoServer> matches) {
        IndexerResourceCache<DittoServer> cache = servers;
        return cache == null ? 0 : cache.list(matches).count();
    }
}
