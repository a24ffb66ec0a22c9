package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The operator runs as its ServiceAccount with only the generated ClusterRole (see OperatorUnderTest), so every other
 * e2e test proves the role is sufficient. This one proves the tests would notice a missing rule.
 */
@QuarkusIntegrationTest
class RbacIT extends E2E {

    @Test
    void operatorIdentityIsTheServiceAccount() {
        var review = ControlPlane.get().kubectl("auth", "can-i", "create", "configmaps", "-n", namespace,
                "--as=" + OperatorUnderTest.OPERATOR_USER);
        assertThat(review.output().trim()).isEqualTo("yes");
        // Pods: read, and deleted only when stuck failing on an old revision (StuckRollout); never made or changed.
        for (String verb : List.of("create", "patch", "update")) {
            var pods = ControlPlane.get().kubectl("auth", "can-i", verb, "pods", "-n", namespace,
                    "--as=" + OperatorUnderTest.OPERATOR_USER);
            assertThat(pods.output().trim()).as("least privilege: the operator may not " + verb + " pods")
                    .isEqualTo("no");
        }
        // DittoServers are the user's: read, status and finalizers written, never made or removed.
        for (String verb : List.of("create", "delete", "deletecollection")) {
            var servers = ControlPlane.get().kubectl("auth", "can-i", verb, "dittoservers.dittofs.dittofs.com", "-n",
                    namespace, "--as=" + OperatorUnderTest.OPERATOR_USER);
            assertThat(servers.output().trim()).as("least privilege: the operator may not " + verb + " DittoServers")
                    .isEqualTo("no");
        }
    }

    @Test
    void leaderElectionLeaseIsRenewedWithTheGeneratedRole() {
        var lease = admin.leases().inNamespace(OperatorUnderTest.OPERATOR_NAMESPACE).withName("dittofs-operator-lock");
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> lease.get() != null);
        var first = lease.get().getSpec();
        // Renewals happen every couple of seconds; a lost lease would also stop (and exit) the operator.
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> !lease.get().getSpec().getRenewTime()
                .equals(first.getRenewTime()));
        assertThat(lease.get().getSpec().getHolderIdentity()).isEqualTo(first.getHolderIdentity());
    }

    @Test
    void withoutTheRightToCreateConfigMapsTheServerIsNotReadyAndRecoversOnceRestored() {
        var roles = admin.rbac().clusterRoles().withName(OperatorUnderTest.CLUSTER_ROLE);
        ClusterRole original = roles.get();
        List<PolicyRule> reduced = new ArrayList<>();
        for (PolicyRule rule : original.getRules()) {
            if (rule.getResources().contains("configmaps")) {
                reduced.add(new PolicyRuleBuilder(rule).withVerbs(rule.getVerbs().stream()
                        .filter(v -> !v.equals("create") && !v.equals("patch")).toList()).build());
            } else {
                reduced.add(rule);
            }
        }
        roles.edit(r -> {
            r.setRules(reduced);
            return r;
        });
        try {
            DittoServer server = Fixtures.basic();
            server.getMetadata().setName("forbidden");
            create(server);
            awaitCondition("forbidden", "Ready", "False");
            org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> condition("forbidden", "Ready")
                    .map(c -> "ReconcileError".equals(c.getReason())
                            && c.getMessage().startsWith("The operator is not allowed to")
                            && c.getMessage().contains("configmaps: check its RBAC") && !c.getMessage().contains("\n"))
                    .orElse(false));
            assertThat(admin.configMaps().inNamespace(namespace).withName("forbidden-config").get()).isNull();
        } finally {
            roles.edit(r -> {
                r.setRules(original.getRules());
                return r;
            });
        }
        awaitReady("forbidden");
    }
}
