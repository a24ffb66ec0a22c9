package com.dittofs.operator.e2e;

import static com.dittofs.operator.e2e.PerconaIT.awaitReason;
import static com.dittofs.operator.e2e.PerconaIT.cluster;
import static com.dittofs.operator.e2e.PerconaIT.crdInstalled;
import static com.dittofs.operator.e2e.PerconaIT.perconaServer;
import static com.dittofs.operator.e2e.PerconaIT.sts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dependent.Percona;
import com.dittofs.operator.fixtures.Fixtures;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A server with spec.percona created before the Percona CRD exists: it reports PerconaNotInstalled (no StatefulSet,
 * a server without Percona is not held up), and the CRD installed later is picked up without restarting the operator.
 * A class of its own, since it removes the cluster-wide CRD first; it leaves it installed.
 */
@QuarkusIntegrationTest
class PerconaLateCrdIT extends E2E {

    @Test
    void crdInstalledAfterTheServerIsPickedUpWithoutARestart() {
        if (crdInstalled()) { // from another Percona test class, or a kept cluster (KEEP_CLUSTER=1)
            admin.apiextensions().v1().customResourceDefinitions().withName(Percona.CRD_NAME).delete();
            await().atMost(TIMEOUT).until(() -> !crdInstalled());
        }
        DittoServer plain = Fixtures.basic();
        plain.getMetadata().setName("plain");
        create(plain);
        create(perconaServer("early", false));

        awaitReason("early", "DatabaseReady", "False", "PerconaNotInstalled");
        assertThat(condition("early", "Ready")).get().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("PerconaNotInstalled");
            assertThat(c.getMessage()).contains(Percona.CRD_NAME);
        });
        assertThat(get("early").getStatus().getPhase().name()).isEqualTo("Failed");
        await().atMost(TIMEOUT).until(() -> admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(e -> "PerconaNotInstalled".equals(e.getReason()) && "Warning".equals(e.getType())));
        assertThat(sts("early")).as("dfs is not started without its database").isNull();
        assertThat(admin.configMaps().inNamespace(namespace).withName("early-config").get().getData()
                .get("config.yaml")).contains("type: postgres");
        // A server without Percona does not care whether the CRD exists.
        awaitReady("plain");

        PerconaIT.installCrd();
        await().atMost(TIMEOUT).until(() -> cluster("early") != null);
        awaitReason("early", "DatabaseReady", "False", "ClusterCreating");
        assertThat(get("early").getStatus().getPhase().name()).isEqualTo("Pending");
        assertThat(conditionIs("plain", "Ready", "True")).isTrue();
    }

}
