package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** {@code <name>-headless}: the governing Service of the StatefulSet, giving the pod a stable DNS name. */
public class HeadlessServiceDependent extends DittoDependent<Service> {

    public HeadlessServiceDependent() {
        super(Service.class, Labels.COMPONENT_HEADLESS, Names::headlessService);
    }

    @Override
    protected Service desired(DittoServer server, Context<DittoServer> context) {
        return new ServiceBuilder()
                .withMetadata(metadata(server, Names.headlessService(server)).build())
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(ServicePorts.podSelector(server))
                .withPorts(ServicePorts.tcp(Ports.API, server.getSpec().getControlPlane().getPort()))
                .endSpec()
                .build();
    }
}
