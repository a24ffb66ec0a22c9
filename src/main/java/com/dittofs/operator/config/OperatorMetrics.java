package com.dittofs.operator.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator SDK's reconcile metrics, per controller. Meters per DittoServer (tagged with its name and namespace)
 * cost memory and scrape size that grow with the number of servers, so they are off unless
 * dittofs.operator.metrics.per-resource=true (the end-to-end tests count one server's reconciles with them).
 */
@Singleton
public class OperatorMetrics {

    @Produces
    @Singleton
    Metrics metrics(MeterRegistry registry,
            @ConfigProperty(name = "dittofs.operator.metrics.per-resource", defaultValue = "false") boolean perResource) {
        return perResource
                ? MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build()
                : MicrometerMetrics.withoutPerResourceMetrics(registry);
    }
}
