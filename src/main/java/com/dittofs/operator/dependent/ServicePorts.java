package com.dittofs.operator.dependent;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

/** Small helpers the Service dependents share. */
final class ServicePorts {

    private ServicePorts() {
    }

    /** A TCP Service port that targets a named container port, so container port changes need no Service edit. */
    static ServicePort tcp(String name, int port) {
        return tcp(name, port, name);
    }

    /** A TCP Service port onto the container port named {@code target}. */
    static ServicePort tcp(String name, int port, String target) {
        return port(name, port, target, "TCP");
    }

    /** A UDP Service port onto the container port named {@code target}. */
    static ServicePort udp(String name, int port, String target) {
        return port(name, port, target, "UDP");
    }

    private static ServicePort port(String name, int port, String target, String protocol) {
        return new ServicePortBuilder()
                .withName(name)
                .withPort(port)
                .withTargetPort(new IntOrString(target))
                .withProtocol(protocol)
                .build();
    }

    /** Selects the server pod of this DittoServer. */
    static Map<String, String> podSelector(DittoServer server) {
        Map<String, String> selector = new java.util.LinkedHashMap<>(Labels.selector(server));
        selector.put(Labels.COMPONENT, Labels.COMPONENT_SERVER);
        return selector;
    }
}
