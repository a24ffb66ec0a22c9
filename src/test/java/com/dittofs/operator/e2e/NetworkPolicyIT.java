package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.NetworkPolicySpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The opt-in NetworkPolicy: stored as rendered by the apiserver, kept in line with the spec, removed when disabled. */
@QuarkusIntegrationTest
class NetworkPolicyIT extends E2E {

    private static NetworkPolicy policy(String name) {
        return admin.network().v1().networkPolicies().inNamespace(namespace).withName(name).get();
    }

    @Test
    void policyFollowsTheSpecAndGoesAwayWhenDisabled() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("fenced");
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setEnabled(true);
        spec.setFileClients(List.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("10.20.0.0/16")
                .endIpBlock().build()));
        server.getSpec().setNetworkPolicy(spec);
        create(server);
        awaitReady("fenced");

        await().atMost(TIMEOUT).until(() -> policy("fenced") != null);
        NetworkPolicy stored = policy("fenced");
        assertThat(stored.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("DittoServer"));
        assertThat(stored.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(stored.getSpec().getIngress()).hasSize(2);
        assertThat(stored.getSpec().getIngress().get(0).getFrom()).singleElement()
                .satisfies(p -> assertThat(p.getIpBlock().getCidr()).isEqualTo("10.20.0.0/16"));
        // The operator under test runs in dittofs-system (see OperatorUnderTest): the API admits that namespace.
        assertThat(stored.getSpec().getIngress().get(1).getFrom()).singleElement()
                .satisfies(p -> assertThat(p.getNamespaceSelector().getMatchLabels()).isEqualTo(
                        Map.of("kubernetes.io/metadata.name", OperatorUnderTest.OPERATOR_NAMESPACE)));

        edit("fenced", s -> {
            s.getSpec().getMetrics().setEnabled(true);
            s.getSpec().getNetworkPolicy().setMetricsClients(List.of(new NetworkPolicyPeerBuilder()
                    .withNewNamespaceSelector().withMatchLabels(Map.of("kubernetes.io/metadata.name", "monitoring"))
                    .endNamespaceSelector().build()));
        });
        await().atMost(TIMEOUT).until(() -> policy("fenced").getSpec().getIngress().size() == 3);

        edit("fenced", s -> s.getSpec().getNetworkPolicy().setEnabled(false));
        await().atMost(TIMEOUT).until(() -> policy("fenced") == null);
        awaitReady("fenced");
    }
}
