package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.NfsFeatureSpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * nfs.portmapper and nfs.udp against the real dfs: the operator turns dfs's embedded portmapper on through the NFS
 * adapter settings, and a client asking the -file Service's port 111 (resolved to the pod's container port as
 * kube-proxy would) learns the NFS and MOUNT port, over TCP and UDP; the Service carries that port too.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class PortmapperIT extends E2E {

    @Test
    void aClientAskingPort111LearnsThePortsNfsAndMountServeOnOverTcpAndUdp() throws Exception {
        DittoServer server = Fixtures.basic();
        String name = "mapped";
        server.getMetadata().setName(name);
        server.getSpec().getNfs().setPortmapper(new NfsFeatureSpec(true));
        server.getSpec().getNfs().setUdp(new NfsFeatureSpec(true));
        create(server);
        await().atMost(TIMEOUT).until(() -> {
            Pod pod = admin.pods().inNamespace(namespace).withName(name + "-0").get();
            return pod != null && pod.getStatus().getPodIP() != null;
        });
        dfs = Kubelet.run(admin, namespace, name + "-0");
        awaitReady(name);

        var file = admin.services().inNamespace(namespace).withName(name + "-file").get();
        assertThat(file.getSpec().getPorts())
                .extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getProtocol)
                .contains(tuple("portmap", 111, "TCP"), tuple("portmap-udp", 111, "UDP"),
                        tuple("nfs-direct", 12049, "TCP"), tuple("nfs-direct-udp", 12049, "UDP"));
        assertThat(get(name).getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("DataPlaneReady");
            assertThat(c.getStatus()).isEqualTo("True");
        });

        // what kube-proxy would do for port 111: the Service's targetPort, by name, on the pod
        InetSocketAddress tcp = target(name, "portmap");
        InetSocketAddress udp = target(name, "portmap-udp");
        assertThat(tcp.getPort()).isEqualTo(10111);
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> Portmapper.getPort(tcp, false, Portmapper.MOUNT, 3,
                Portmapper.TCP) != 0);
        assertThat(Portmapper.getPort(tcp, false, Portmapper.NFS, 3, Portmapper.TCP)).isEqualTo(12049);
        assertThat(Portmapper.getPort(tcp, false, Portmapper.MOUNT, 3, Portmapper.TCP)).isEqualTo(12049);
        assertThat(Portmapper.getPort(tcp, false, Portmapper.MOUNT, 3, Portmapper.UDP)).as("MOUNT over UDP")
                .isEqualTo(12049);
        assertThat(Portmapper.getPort(udp, true, Portmapper.NFS, 3, Portmapper.TCP)).as("asked over UDP")
                .isEqualTo(12049);
        assertThat(Portmapper.getPort(udp, true, Portmapper.MOUNT, 3, Portmapper.UDP)).isEqualTo(12049);
        assertThat(Portmapper.getPort(udp, true, Portmapper.NFS, 3, Portmapper.UDP))
                .as("dfs never serves NFS itself over UDP").isZero();
        // and the port it names is the one the Service carries as itself
        assertThat(file.getSpec().getPorts()).anySatisfy(p -> {
            assertThat(p.getPort()).isEqualTo(12049);
            assertThat(containerPort(name, p.getTargetPort().getStrVal()).getContainerPort()).isEqualTo(12049);
        });

        edit(name, s -> {
            s.getSpec().getNfs().setUdp(null);
            s.getSpec().getNfs().setPortmapper(null);
        });
        await().atMost(TIMEOUT).until(() -> admin.services().inNamespace(namespace).withName(name + "-file").get()
                .getSpec().getPorts().stream().noneMatch(p -> p.getName().startsWith("portmap")));
        // the pod rolls (its ports changed); this dfs listens on every loopback address, so it serves the new pod too,
        // and the operator turns the portmapper off in the settings and restarts the NFS adapter
        await().atMost(TIMEOUT).until(() -> conditionIs(name, "Ready", "True") && !answers(tcp));
    }

    private static boolean answers(InetSocketAddress portmapper) {
        try {
            Portmapper.getPort(portmapper, false, Portmapper.NFS, 3, Portmapper.TCP);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static InetSocketAddress target(String name, String servicePort) {
        var port = admin.services().inNamespace(namespace).withName(name + "-file").get().getSpec().getPorts()
                .stream().filter(p -> p.getName().equals(servicePort)).findFirst().orElseThrow();
        ContainerPort container = containerPort(name, port.getTargetPort().getStrVal());
        assertThat(container.getProtocol()).isEqualTo(port.getProtocol());
        String ip = admin.pods().inNamespace(namespace).withName(name + "-0").get().getStatus().getPodIP();
        return new InetSocketAddress(ip, container.getContainerPort());
    }

    private static ContainerPort containerPort(String name, String portName) {
        return admin.pods().inNamespace(namespace).withName(name + "-0").get().getSpec().getContainers().get(0)
                .getPorts().stream().filter(p -> p.getName().equals(portName)).findFirst().orElseThrow();
    }
}
