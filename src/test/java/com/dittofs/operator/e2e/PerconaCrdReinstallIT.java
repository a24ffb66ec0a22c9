package com.dittofs.operator.e2e;

import static com.dittofs.operator.e2e.PerconaIT.awaitReason;
import static com.dittofs.operator.e2e.PerconaIT.cluster;
import static com.dittofs.operator.e2e.PerconaIT.crdInstalled;
import static com.dittofs.operator.e2e.PerconaIT.sts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.dittofs.operator.dependent.Percona;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Fault: the Percona CRD is removed under running servers (which deletes every PerconaPGCluster with it) and
 * installed again. The Percona server reports PerconaNotInstalled and keeps its StatefulSet and volumes, a server
 * without Percona never notices, and once the CRD is back the operator re-creates the database cluster and the server
 * gets Ready again, without restarting the operator. Builds on PerconaIT's way of playing the Percona operator.
 */
@QuarkusIntegrationTest
class PerconaCrdReinstallIT extends E2E {

    @Test
    void serversRecoverWhenThePerconaCrdIsRemovedAndReinstalled() {
        PerconaIT.installCrd();
        createPlain("bystander");
        create(PerconaIT.perconaServer("pg", false));
        await().atMost(TIMEOUT).until(() -> cluster("pg") != null);
        PerconaIT.playPercona("pg", "ready");
        PerconaIT.createUserSecret("pg", "firstAlphaNumPassword");
        awaitReady("pg");
        awaitReady("bystander");
        FaultInvariants invariants = new FaultInvariants(admin, namespace, List.of("pg", "bystander")).observe();
        String statefulSet = sts("pg").getMetadata().getUid();

        admin.apiextensions().v1().customResourceDefinitions().withName(Percona.CRD_NAME).delete();
        await().atMost(TIMEOUT).until(() -> !crdInstalled());
        awaitReason("pg", "DatabaseReady", "False", "PerconaNotInstalled");
        assertThat(conditionIs("bystander", "Ready", "True")).isTrue();
        assertThat(sts("pg").getMetadata().getUid()).as("the server's StatefulSet is kept").isEqualTo(statefulSet);

        long reinstalled = System.nanoTime();
        PerconaIT.installCrd();
        await().atMost(TIMEOUT).until(() -> cluster("pg") != null);
        PerconaIT.playPercona("pg", "ready");
        awaitReady("pg");
        FaultInvariants.printRecovery("percona-crd-reinstall", Duration.ofNanos(System.nanoTime() - reinstalled));

        assertThat(conditionIs("bystander", "Ready", "True")).isTrue();
        assertThat(sts("pg").getMetadata().getUid()).isEqualTo(statefulSet);
        invariants.observe().assertIntact();
    }

    private static void createPlain(String name) {
        var server = com.dittofs.operator.fixtures.Fixtures.basic();
        server.getMetadata().setName(name);
        create(server);
    }
}
