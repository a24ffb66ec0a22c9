package com.dittofs.operator.reconciler;

import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.ShareEndpoints;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

/**
 * Per share, what clients copy: the NFS mount source and the SMB UNC path through the -file Service, inside the
 * cluster and, when the Service has a LoadBalancer address or NodePorts, from outside. Pure.
 */
final class ShareClientEndpoints {

    /** Stands for any node's address: the operator does not read nodes. */
    static final String NODE_ADDRESS = "<node-address>";

    private ShareClientEndpoints() {
    }

    static void apply(DittoServer server, DittoServerStatus status, Optional<Service> fileService) {
        if (status.getShares() == null) {
            return;
        }
        DittoServerSpec spec = server.getSpec();
        String host = Names.fileService(server) + "." + server.getMetadata().getNamespace() + ".svc";
        status.setShares(status.getShares().stream().map(s -> {
            // copies: the statuses may be the ones of the current object, which must stay as read
            ShareStatus copy = StatusWrites.copyOf(s, ShareStatus.class);
            copy.setEndpoints(endpoints(spec, host, s.getName(), spec.getNfs().getPort(), spec.getSmb().getPort()));
            copy.setExternalEndpoints(fileService.flatMap(svc -> external(spec, svc, s.getName())).orElse(null));
            return copy;
        }).toList());
    }

    static ShareEndpoints endpoints(DittoServerSpec spec, String host, String share, Integer nfsPort,
            Integer smbPort) {
        boolean nfs = spec.getNfs().getEnabled() && nfsPort != null;
        boolean smb = spec.getSmb().getEnabled() && smbPort != null;
        return new ShareEndpoints(nfs ? host + ":" + share : null, nfs ? nfsPort : null,
                smb ? "\\\\" + host + "\\" + share.replaceFirst("^/+", "") : null, smb ? smbPort : null);
    }

    /**
     * The LoadBalancer address with the Service ports, or the node address with the NodePorts of a NodePort
     * Service, or nothing (also for a LoadBalancer still waiting for its address: clients should wait for it).
     */
    static Optional<ShareEndpoints> external(DittoServerSpec spec, Service service, String share) {
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        Optional<String> lb = Optional.ofNullable(service.getStatus())
                .map(s -> s.getLoadBalancer() == null ? null : s.getLoadBalancer().getIngress())
                .flatMap(list -> list.stream().map(ShareClientEndpoints::address).filter(a -> a != null).findFirst());
        if (lb.isPresent()) {
            return Optional.of(endpoints(spec, lb.get(), share, port(ports, Ports.NFS, false),
                    port(ports, Ports.SMB, false)));
        }
        if (service.getSpec() == null || !"NodePort".equals(service.getSpec().getType())) {
            return Optional.empty();
        }
        Integer nfsNode = port(ports, Ports.NFS, true);
        Integer smbNode = port(ports, Ports.SMB, true);
        if (nfsNode == null && smbNode == null) {
            return Optional.empty();
        }
        return Optional.of(endpoints(spec, NODE_ADDRESS, share, nfsNode, smbNode));
    }

    private static String address(LoadBalancerIngress ingress) {
        return ingress.getIp() != null ? ingress.getIp() : ingress.getHostname();
    }

    private static Integer port(List<ServicePort> ports, String name, boolean nodePort) {
        return ports.stream().filter(p -> name.equals(p.getName()))
                .map(p -> nodePort ? p.getNodePort() : p.getPort())
                .filter(p -> p != null)
                .findFirst().orElse(null);
    }
}
