package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ServiceMonitorSpec;
import com.dittofs.operator.dependent.ServiceMonitor;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * metrics.serviceMonitor: nothing happens while the Prometheus Operator's CRD is missing, the ServiceMonitor appears
 * when the CRD is installed later (no operator restart) and goes away when disabled.
 */
@QuarkusIntegrationTest
class ServiceMonitorIT extends E2E {

    static final String CRD_RESOURCE = "/crds/servicemonitors.monitoring.coreos.com-minimal.yaml";
    private static final ResourceDefinitionContext MONITORS = ResourceDefinitionContext
            .fromResourceType(ServiceMonitor.class);

    static boolean crdInstalled() {
        return admin.apiextensions().v1().customResourceDefinitions().withName(ServiceMonitor.CRD_NAME).get() != null;
    }

    static void installCrd() {
        try (InputStream in = ServiceMonitorIT.class.getResourceAsStream(CRD_RESOURCE)) {
            admin.resource(Serialization.unmarshal(in, CustomResourceDefinition.class)).forceConflicts()
                    .serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OperatorUnderTest.awaitEstablished(admin, ServiceMonitor.CRD_NAME);
    }

    private static GenericKubernetesResource monitor(String name) {
        return admin.genericKubernetesResources(MONITORS).inNamespace(namespace).withName(name).get();
    }

    @Test
    void serviceMonitorFollowsTheCrdAndTheToggle() {
        if (crdInstalled()) { // a kept cluster (KEEP_CLUSTER=1) from an earlier run
            admin.apiextensions().v1().customResourceDefinitions().withName(ServiceMonitor.CRD_NAME).delete();
            await().atMost(TIMEOUT).until(() -> !crdInstalled());
        }
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("scraped");
        server.getSpec().getMetrics().setEnabled(true);
        ServiceMonitorSpec spec = new ServiceMonitorSpec();
        spec.setEnabled(true);
        spec.setInterval("15s");
        spec.setLabels(Map.of("release", "prometheus"));
        server.getSpec().getMetrics().setServiceMonitor(spec);
        create(server);
        // Without the CRD the server is simply Ready: monitoring is optional.
        awaitReady("scraped");

        installCrd();
        await().atMost(TIMEOUT).until(() -> monitor("scraped") != null);
        GenericKubernetesResource stored = monitor("scraped");
        assertThat(stored.getMetadata().getLabels()).containsEntry("release", "prometheus")
                .containsEntry("app.kubernetes.io/component", "service-monitor");
        assertThat(stored.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("scraped"));
        Map<String, String> selector = stored.get("spec", "selector", "matchLabels");
        var metricsService = admin.services().inNamespace(namespace).withName("scraped-metrics").get();
        assertThat(metricsService.getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat(metricsService.getSpec().getPorts()).anyMatch(p -> "metrics".equals(p.getName()));
        assertThat((String) stored.get("spec", "endpoints", 0, "port")).isEqualTo("metrics");
        assertThat((String) stored.get("spec", "endpoints", 0, "path")).isEqualTo("/metrics");
        assertThat((String) stored.get("spec", "endpoints", 0, "interval")).isEqualTo("15s");
        assertThat(conditionIs("scraped", "Ready", "True")).isTrue();

        edit("scraped", s -> s.getSpec().getMetrics().getServiceMonitor().setEnabled(false));
        await().atMost(TIMEOUT).until(() -> monitor("scraped") == null);
        awaitReady("scraped");
    }
}
