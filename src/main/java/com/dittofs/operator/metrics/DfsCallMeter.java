package com.dittofs.operator.metrics;

import io.micrometer.core.instrument.Metrics;

/**
 * {@code dittofs_operator_dfs_api_calls_total{outcome}}: every HTTP call to a dfs REST API (each retry counts), by
 * outcome: success, client_error (4xx), server_error (5xx), connect_failed, timed_out or connection_lost. On the
 * global registry, to which Quarkus adds its Prometheus registry, because the client's call helper is static.
 */
public final class DfsCallMeter {

    public static final String CALLS = "dittofs.operator.dfs.api.calls";

    private DfsCallMeter() {
    }

    public static void record(String outcome) {
        Metrics.counter(CALLS, "outcome", outcome).increment();
    }

    /** The outcome of an HTTP status, or of a call that got no response ({@code failure} then names what happened). */
    public static String outcome(int status, String failure) {
        if (failure != null) {
            return failure;
        }
        return status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success";
    }
}
