package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** {@code <name>-metrics}: the Prometheus endpoint; exists only while metrics are enabled. */
public class MetricsServiceDependent extends DittoDependent<Service> {

    public MetricsServiceDependent() {
        super(Service.class, Labels.COMPONENT_METRICS, Names::metricsService);
    }

    @Override
    protected Service desired(DittoServer server, Context<DittoServer> context) {
        return new ServiceBuilder()
                .withMetadata(metadata(server, Names.metricsService(server)).build())
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(ServicePorts.podSelector(server))
                .withPorts(ServicePorts.tcp(Ports.METRICS, server.getSpec().getMetrics().getPort()))
                .endSpec()
                .build();
    }
}
