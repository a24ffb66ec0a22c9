package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.NfsFeatureSpec;
import com.dittofs.operator.api.v1alpha1.NetworkPolicySpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;

class NetworkPolicyDependentTest {

    private static final NetworkPolicyPeer OFFICE = new NetworkPolicyPeerBuilder()
            .withNewIpBlock().withCidr("10.20.0.0/16").withExcept("10.20.9.0/24").endIpBlock().build();
    private static final NetworkPolicyPeer MONITORING = new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
            .withMatchLabels(Map.of("kubernetes.io/metadata.name", "monitoring")).endNamespaceSelector().build();
    private static final NetworkPolicyPeer TOOLBOX = new NetworkPolicyPeerBuilder().withNewPodSelector()
            .withMatchLabels(Map.of("app", "toolbox")).endPodSelector().build();

    private static DittoServer withPolicy(NetworkPolicySpec policy) {
        DittoServer server = Fixtures.basic();
        policy.setEnabled(true);
        server.getSpec().setNetworkPolicy(policy);
        return server;
    }

    private static NetworkPolicy policy(DittoServer server) {
        return new NetworkPolicyDependent().build(server, "dittofs-system");
    }

    private static NetworkPolicyIngressRule ruleFor(NetworkPolicy policy, String port) {
        return policy.getSpec().getIngress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> port.equals(p.getPort().getStrVal())))
                .findFirst().orElseThrow(() -> new AssertionError("no rule for port " + port));
    }

    private static List<String> ports(NetworkPolicyIngressRule rule) {
        return rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(p -> p.getStrVal()).toList();
    }

    @Test
    void selectsTheServerPodAndRestrictsIngressOnly() {
        NetworkPolicy policy = policy(withPolicy(new NetworkPolicySpec()));
        assertThat(policy.getMetadata().getName()).isEqualTo("my-dittofs");
        assertThat(policy.getMetadata().getNamespace()).isEqualTo(Fixtures.NAMESPACE);
        assertThat(policy.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "network-policy");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "app.kubernetes.io/name", "dittofs", "app.kubernetes.io/instance", "my-dittofs",
                "app.kubernetes.io/component", "server"));
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    }

    @Test
    void withoutPeersFilesAreOpenTheApiAndMetricsAreTheOperators() {
        DittoServer server = withPolicy(new NetworkPolicySpec());
        server.getSpec().getMetrics().setEnabled(true);
        NetworkPolicy policy = policy(server);
        assertThat(policy.getSpec().getIngress()).hasSize(3);
        assertThat(ruleFor(policy, "metrics").getFrom()).as("the operator reads the dfs version there")
                .isEqualTo(ruleFor(policy, "api").getFrom());
        NetworkPolicyIngressRule files = ruleFor(policy, "nfs");
        assertThat(ports(files)).containsExactly("nfs", "smb");
        assertThat(files.getFrom()).isNullOrEmpty();
        NetworkPolicyIngressRule api = ruleFor(policy, "api");
        assertThat(api.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsExactlyEntriesOf(Map.of("kubernetes.io/metadata.name", "dittofs-system"));
            assertThat(peer.getPodSelector()).isNull();
        });
    }

    @Test
    void listedPeersAreAdmittedToTheirPortsOnly() {
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setFileClients(List.of(OFFICE));
        spec.setApiClients(List.of(TOOLBOX));
        spec.setMetricsClients(List.of(MONITORING));
        DittoServer server = withPolicy(spec);
        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getSmb().setEnabled(false);
        NetworkPolicy policy = policy(server);
        assertThat(policy.getSpec().getIngress()).hasSize(3);
        assertThat(ports(ruleFor(policy, "nfs"))).containsExactly("nfs");
        assertThat(ruleFor(policy, "nfs").getFrom()).containsExactly(OFFICE);
        assertThat(ruleFor(policy, "api").getFrom()).hasSize(2).contains(TOOLBOX);
        assertThat(ruleFor(policy, "metrics").getFrom()).as("the operator reads the dfs version there")
                .hasSize(2).contains(MONITORING).contains(ruleFor(policy, "api").getFrom().get(0));
        assertThat(policy.getSpec().getIngress()).allSatisfy(r -> assertThat(r.getPorts())
                .allSatisfy(p -> assertThat(p.getProtocol()).isEqualTo("TCP")));
    }

    @Test
    void fileClientsReachThePortmapperOverTcpAndUdp() {
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setFileClients(List.of(OFFICE));
        DittoServer server = withPolicy(spec);
        server.getSpec().getNfs().setPortmapper(new NfsFeatureSpec(true));
        server.getSpec().getNfs().setUdp(new NfsFeatureSpec(true));
        assertThat(ruleFor(policy(server), "nfs").getPorts())
                .extracting(p -> p.getPort().getStrVal(), NetworkPolicyPort::getProtocol)
                .containsExactly(org.assertj.core.api.Assertions.tuple("nfs", "TCP"),
                        org.assertj.core.api.Assertions.tuple("portmap", "TCP"),
                        org.assertj.core.api.Assertions.tuple("portmap-udp", "UDP"),
                        org.assertj.core.api.Assertions.tuple("nfs-udp", "UDP"),
                        org.assertj.core.api.Assertions.tuple("smb", "TCP"));
    }

    @Test
    void metricsPeersWithoutMetricsAddNoRule() {
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setMetricsClients(List.of(MONITORING));
        NetworkPolicy policy = policy(withPolicy(spec));
        assertThat(policy.getSpec().getIngress()).noneMatch(r -> ports(r).contains("metrics"));
    }

    @Test
    void existsOnlyWhileEnabled() {
        DittoServer server = Fixtures.basic();
        assertThat(new NetworkPolicyEnabled().isMet(null, server, null)).isFalse();
        server.getSpec().setNetworkPolicy(new NetworkPolicySpec());
        assertThat(new NetworkPolicyEnabled().isMet(null, server, null)).isFalse();
        server.getSpec().getNetworkPolicy().setEnabled(true);
        assertThat(new NetworkPolicyEnabled().isMet(null, server, null)).isTrue();
    }
}
