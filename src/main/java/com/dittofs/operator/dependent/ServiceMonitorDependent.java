package com.dittofs.operator.dependent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.MetricsSpec;
import com.dittofs.operator.api.v1alpha1.ServiceMonitorSpec;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * {@code <name>}: a ServiceMonitor that has the Prometheus Operator scrape the -metrics Service. Active only while the
 * ServiceMonitor CRD is installed ({@link PrometheusInstalled}); reconciled only while
 * {@code metrics.serviceMonitor.enabled} ({@link ServiceMonitorEnabled}). A leaf: nothing depends on it.
 */
@KubernetesDependent(informer = @Informer(itemStore = LeanItemStore.class,
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_SERVICE_MONITOR))
public class ServiceMonitorDependent extends DittoDependent<ServiceMonitor> {

    public static final String NAME = "service-monitor";

    public ServiceMonitorDependent() {
        super(ServiceMonitor.class, Labels.COMPONENT_SERVICE_MONITOR, Names::serviceMonitor);
    }

    @Override
    protected ServiceMonitor desired(DittoServer server, Context<DittoServer> context) {
        return build(server);
    }

    ServiceMonitor build(DittoServer server) {
        ServiceMonitorSpec spec = server.getSpec().getMetrics().getServiceMonitor();
        ServiceMonitor monitor = new ServiceMonitor();
        Map<String, String> labels = new LinkedHashMap<>();
        if (spec.getLabels() != null) {
            labels.putAll(spec.getLabels());
        }
        labels.putAll(Labels.of(server, server.getSpec().getImage(), Labels.COMPONENT_SERVICE_MONITOR));
        monitor.setMetadata(metadata(server, Names.serviceMonitor(server)).withLabels(labels).build());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("port", Ports.METRICS);
        endpoint.put("path", MetricsSpec.pathIn(server.getSpec()));
        endpoint.put("interval", spec.getInterval());
        if (MetricsSpec.tokenIn(server.getSpec())) {
            var token = server.getSpec().getMetrics().getBearerTokenSecret();
            endpoint.put("authorization", Map.of("type", "Bearer",
                    "credentials", Map.of("name", token.getName(), "key", token.getKey())));
        }
        monitor.setAdditionalProperty("spec", Map.of(
                "selector", Map.of("matchLabels", metricsServiceSelector(server)),
                "endpoints", List.of(endpoint)));
        return monitor;
    }

    /** The stable labels of the -metrics Service (not the version label, which follows the image). */
    static Map<String, String> metricsServiceSelector(DittoServer server) {
        Map<String, String> selector = new LinkedHashMap<>(Labels.selector(server));
        selector.put(Labels.COMPONENT, Labels.COMPONENT_METRICS);
        selector.put(Labels.MANAGED_BY, Labels.OPERATOR);
        return selector;
    }
}
