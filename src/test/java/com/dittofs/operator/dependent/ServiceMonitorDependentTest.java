package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ServiceMonitorSpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;

class ServiceMonitorDependentTest {

    private static DittoServer monitored() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        ServiceMonitorSpec spec = new ServiceMonitorSpec();
        spec.setEnabled(true);
        spec.setLabels(Map.of("release", "kube-prometheus", "app.kubernetes.io/managed-by", "someone-else"));
        server.getSpec().getMetrics().setServiceMonitor(spec);
        return server;
    }

    @Test
    void scrapesTheMetricsServiceByItsStableLabels() {
        DittoServer server = monitored();
        ServiceMonitor monitor = new ServiceMonitorDependent().build(server);
        Service metrics = new MetricsServiceDependent().desired(server, null);
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getName()).isEqualTo("my-dittofs");
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        assertThat(metrics.getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat(selector).doesNotContainKey("app.kubernetes.io/version");
        List<Object> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints).containsExactly(Map.of("port", "metrics", "path", "/metrics", "interval", "30s"));
    }

    @Test
    void extraLabelsNeverOverrideTheOperatorsOwn() {
        ServiceMonitor monitor = new ServiceMonitorDependent().build(monitored());
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus")
                .containsEntry("app.kubernetes.io/managed-by", "dittofs-operator")
                .containsEntry("app.kubernetes.io/component", "service-monitor");
    }

    @Test
    void existsOnlyWhileEnabled() {
        assertThat(new ServiceMonitorEnabled().isMet(null, monitored(), null)).isTrue();
        assertThat(new ServiceMonitorEnabled().isMet(null, Fixtures.basic(), null)).isFalse();
    }
}
