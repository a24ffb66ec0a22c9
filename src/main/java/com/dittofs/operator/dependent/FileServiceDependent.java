package com.dittofs.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.ServiceSpec;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** {@code <name>-file}: what clients mount. NFS and SMB (the enabled ones), exposed as {@code spec.service} says. */
public class FileServiceDependent extends DittoDependent<Service> {

    public FileServiceDependent() {
        super(Service.class, Labels.COMPONENT_FILE, Names::fileService);
    }

    @Override
    protected Service desired(DittoServer server, Context<DittoServer> context) {
        DittoServerSpec spec = server.getSpec();
        ServiceSpec exposure = spec.getService();
        List<ServicePort> ports = new ArrayList<>();
        if (spec.getNfs().getEnabled()) {
            ports.add(ServicePorts.tcp(Ports.NFS, spec.getNfs().getPort()));
        }
        if (spec.getNfs().portmapperServed()) {
            ports.addAll(portmapper(spec));
        }
        if (spec.getSmb().getEnabled()) {
            ports.add(ServicePorts.tcp(Ports.SMB, spec.getSmb().getPort()));
        }
        return new ServiceBuilder()
                .withMetadata(metadata(server, Names.fileService(server))
                        .addToAnnotations(exposure.getAnnotations() == null ? Map.of() : exposure.getAnnotations())
                        .build())
                .withNewSpec()
                .withType(exposure.getType().name())
                .withSelector(ServicePorts.podSelector(server))
                .withPorts(ports)
                .withLoadBalancerIP(exposure.getLoadBalancerIP())
                .withLoadBalancerSourceRanges(exposure.getLoadBalancerSourceRanges())
                .withExternalTrafficPolicy(exposure.getExternalTrafficPolicy() == null
                        ? null : exposure.getExternalTrafficPolicy().name())
                .endSpec()
                .build();
    }

    /**
     * Port 111 onto the portmapper, and the NFS container port as itself: the portmapper tells clients that port for
     * NFS, MOUNT and the lock manager, so it must be reachable on the Service too.
     */
    private static List<ServicePort> portmapper(DittoServerSpec spec) {
        List<ServicePort> ports = new ArrayList<>();
        ports.add(ServicePorts.tcp(Ports.PORTMAP, Ports.PORTMAP_SERVICE));
        ports.add(ServicePorts.udp(Ports.PORTMAP_UDP, Ports.PORTMAP_SERVICE, Ports.PORTMAP_UDP));
        if (spec.getNfs().getPort() != Ports.NFS_CONTAINER) {
            ports.add(ServicePorts.tcp(Ports.NFS_DIRECT, Ports.NFS_CONTAINER, Ports.NFS));
        }
        if (spec.getNfs().udpServed()) {
            ports.add(ServicePorts.udp(Ports.NFS_DIRECT_UDP, Ports.NFS_CONTAINER, Ports.NFS_UDP));
        }
        return ports;
    }
}
