package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.NetworkPolicySpec;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A spec that passes admission but yields an object the apiserver refuses (an ipBlock whose except lies outside its
 * cidr: CEL has no CIDR functions on Kubernetes 1.30) shows one SpecRejected condition naming the field, and the
 * operator does not retry it until the spec changes.
 */
@QuarkusIntegrationTest
class SpecRejectedIT extends E2E {

    @Test
    void aRefusedNetworkPolicyIsAConditionWithoutRetries() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("refused");
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setEnabled(true);
        spec.setFileClients(List.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("10.0.0.0/8")
                .withExcept("192.168.0.0/16").endIpBlock().build()));
        server.getSpec().setNetworkPolicy(spec);
        Instant start = Instant.now();
        create(server);

        await().atMost(TIMEOUT).until(() -> condition("refused", ConditionTypes.READY)
                .filter(c -> ConditionTypes.REASON_SPEC_REJECTED.equals(c.getReason())).isPresent());
        assertThat(condition("refused", ConditionTypes.READY).orElseThrow().getMessage())
                .contains("ipBlock.except").contains("tries again when the DittoServer changes")
                .doesNotContain("IllegalStateException", "HTTP 500");

        // JOSDK's retry would write the policy again within seconds (2 s, 3 s, 4.5 s, ...): none may come
        await().atMost(TIMEOUT).until(() -> policyWrites(start) >= 1);
        long settled = policyWrites(start);
        await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(40))
                .until(() -> policyWrites(start) <= settled + 1);

        edit("refused", s -> s.getSpec().getNetworkPolicy().getFileClients().get(0).getIpBlock()
                .setExcept(List.of("10.1.0.0/16")));
        awaitReady("refused");
    }

    private static long policyWrites(Instant since) {
        return AuditLog.operatorWritesSince(namespace, since).stream()
                .filter(w -> w.contains("networkpolicies/refused")).count();
    }
}
