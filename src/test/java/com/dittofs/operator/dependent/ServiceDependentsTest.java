package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ExternalTrafficPolicy;
import com.dittofs.operator.api.v1alpha1.NfsFeatureSpec;
import com.dittofs.operator.api.v1alpha1.ServiceType;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.api.Test;

class ServiceDependentsTest {

    private static Map<String, Integer> ports(Service service) {
        return service.getSpec().getPorts().stream()
                .collect(java.util.stream.Collectors.toMap(ServicePort::getName, ServicePort::getPort));
    }

    @Test
    void fileServiceMapsClientPortsOntoNamedContainerPorts() {
        Service file = new FileServiceDependent().desired(Fixtures.basic(), null);
        assertThat(file.getMetadata().getName()).isEqualTo("my-dittofs-file");
        assertThat(file.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(ports(file)).isEqualTo(Map.of("nfs", 2049, "smb", 445));
        assertThat(file.getSpec().getPorts()).extracting(ServicePort::getTargetPort)
                .containsExactly(new IntOrString("nfs"), new IntOrString("smb"));
        assertThat(file.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", "server");
    }

    /**
     * The portmapper answers with the NFS container port, so the Service carries that port as well as 111: a client
     * that mounts without port options reaches every port it is told.
     */
    @Test
    void portmapperAddsPort111OverTcpAndUdpAndTheNfsContainerPortItAdvertises() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getNfs().setPortmapper(new NfsFeatureSpec(true));
        assertThat(new FileServiceDependent().desired(server, null).getSpec().getPorts())
                .extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getProtocol,
                        p -> p.getTargetPort().getStrVal())
                .containsExactly(tuple("nfs", 2049, "TCP", "nfs"), tuple("portmap", 111, "TCP", "portmap"),
                        tuple("portmap-udp", 111, "UDP", "portmap-udp"), tuple("nfs-direct", 12049, "TCP", "nfs"),
                        tuple("smb", 445, "TCP", "smb"));

        server.getSpec().getNfs().setUdp(new NfsFeatureSpec(true));
        server.getSpec().getNfs().setPort(12049);
        assertThat(new FileServiceDependent().desired(server, null).getSpec().getPorts())
                .as("no duplicate when nfs.port is the container port; UDP adds 12049/UDP")
                .extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getProtocol,
                        p -> p.getTargetPort().getStrVal())
                .containsExactly(tuple("nfs", 12049, "TCP", "nfs"), tuple("portmap", 111, "TCP", "portmap"),
                        tuple("portmap-udp", 111, "UDP", "portmap-udp"),
                        tuple("nfs-direct-udp", 12049, "UDP", "nfs-udp"), tuple("smb", 445, "TCP", "smb"));

        server.getSpec().getNfs().setEnabled(false);
        assertThat(ports(new FileServiceDependent().desired(server, null))).as("no NFS, no portmapper")
                .isEqualTo(Map.of("smb", 445));
    }

    @Test
    void fileServiceHonoursExposureSettingsAndOnlyEnabledProtocols() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getSmb().setEnabled(false);
        server.getSpec().getNfs().setPort(3049);
        var exposure = server.getSpec().getService();
        exposure.setType(ServiceType.LoadBalancer);
        exposure.setAnnotations(Map.of("service.beta.kubernetes.io/aws-load-balancer-internal", "true"));
        exposure.setLoadBalancerIP("10.0.0.10");
        exposure.setLoadBalancerSourceRanges(List.of("10.0.0.0/8"));
        exposure.setExternalTrafficPolicy(ExternalTrafficPolicy.Local);
        Service file = new FileServiceDependent().desired(server, null);
        assertThat(file.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(ports(file)).isEqualTo(Map.of("nfs", 3049));
        assertThat(file.getMetadata().getAnnotations())
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-internal", "true");
        assertThat(file.getSpec().getLoadBalancerIP()).isEqualTo("10.0.0.10");
        assertThat(file.getSpec().getLoadBalancerSourceRanges()).containsExactly("10.0.0.0/8");
        assertThat(file.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
    }

    @Test
    void apiServiceStaysClusterIpEvenWhenFilesAreExposed() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getService().setType(ServiceType.LoadBalancer);
        Service api = new ApiServiceDependent().desired(server, null);
        assertThat(api.getMetadata().getName()).isEqualTo("my-dittofs-api");
        assertThat(api.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(ports(api)).isEqualTo(Map.of("api", 8080));
    }

    @Test
    void metricsServiceTargetsTheMetricsPort() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        Service metrics = new MetricsServiceDependent().desired(server, null);
        assertThat(metrics.getMetadata().getName()).isEqualTo("my-dittofs-metrics");
        assertThat(ports(metrics)).isEqualTo(Map.of("metrics", 9090));
        assertThat(new MetricsEnabled().isMet(null, server, null)).isTrue();
        assertThat(new MetricsEnabled().isMet(null, Fixtures.basic(), null)).isFalse();
    }

    @Test
    void headlessServiceGovernsTheStatefulSet() {
        Service headless = new HeadlessServiceDependent().desired(Fixtures.basic(), null);
        assertThat(headless.getMetadata().getName()).isEqualTo("my-dittofs-headless");
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    }

    @Test
    void configMapHoldsTheRenderedConfig() {
        var cm = new ConfigMapDependent().desired(Fixtures.basic(), null);
        assertThat(cm.getMetadata().getName()).isEqualTo("my-dittofs-config");
        assertThat(cm.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "config");
        assertThat(cm.getData().get("config.yaml")).contains("host: 0.0.0.0");
    }

    @Test
    void generatedSecretsAreRandomLongEnoughAndLabelled() {
        var jwt = new JwtSecretDependent().desired(Fixtures.basic(), null);
        var again = new JwtSecretDependent().desired(Fixtures.basic(), null);
        String value = new String(java.util.Base64.getDecoder().decode(jwt.getData().get("secret")));
        assertThat(value).hasSizeGreaterThanOrEqualTo(32);
        assertThat(jwt.getData()).isNotEqualTo(again.getData());
        assertThat(jwt.getMetadata().getName()).isEqualTo("my-dittofs-jwt");
        assertThat(jwt.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "dittofs-operator");
        var admin = new AdminSecretDependent().desired(Fixtures.basic(), null);
        assertThat(admin.getData()).containsKeys("username", "password");
        assertThat(new GeneratesJwtSecret().isMet(null, Fixtures.basic(), null)).isTrue();
    }
}
