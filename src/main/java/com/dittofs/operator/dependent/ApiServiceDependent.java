package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** {@code <name>-api}: the REST control plane. Always ClusterIP: the admin API is never exposed by default. */
public class ApiServiceDependent extends DittoDependent<Service> {

    public ApiServiceDependent() {
        super(Service.class, Labels.COMPONENT_API, Names::apiService);
    }

    @Override
    protected Service desired(DittoServer server, Context<DittoServer> context) {
        return new ServiceBuilder()
                .withMetadata(metadata(server, Names.apiService(server)).build())
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(ServicePorts.podSelector(server))
                .withPorts(ServicePorts.tcp(Ports.API, server.getSpec().getControlPlane().getPort()))
                .endSpec()
                .build();
    }
}
