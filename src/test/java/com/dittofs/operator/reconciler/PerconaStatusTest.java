package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.dependent.DatabaseReadiness;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.fixtures.PerconaFixtures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

/** DatabaseReady, and how Ready and the phase follow it. */
class PerconaStatusTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final StatefulSet READY_STS = new StatefulSetBuilder().withNewMetadata().withGeneration(1L)
            .endMetadata().withNewStatus().withObservedGeneration(1L).withReplicas(1).withReadyReplicas(1)
            .withUpdatedReplicas(1).withCurrentRevision("r1").withUpdateRevision("r1").endStatus().build();

    private static Condition condition(DittoServerStatus status, String type) {
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    private static DittoServerStatus status(DatabaseReadiness database, Optional<StatefulSet> sts) {
        DittoServer server = PerconaFixtures.server();
        return Aggregate.status(server, Fixtures.inputs(server), sts, Optional.of(database), null, T0);
    }

    @Test
    void perconaNotInstalledIsAFailureTheUserMustFix() {
        DittoServerStatus status = status(new DatabaseReadiness(false, "PerconaNotInstalled", "install it"),
                Optional.empty());
        assertThat(status.getPhase()).isEqualTo(Phase.Failed);
        assertThat(condition(status, "DatabaseReady")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("PerconaNotInstalled");
            assertThat(c.getMessage()).isEqualTo("install it");
        });
        assertThat(condition(status, "Ready").getReason()).isEqualTo("PerconaNotInstalled");
        assertThat(condition(status, "ConfigReady").getStatus()).isEqualTo("True");
    }

    @Test
    void aDatabaseOnItsWayIsPending() {
        for (String reason : new String[] {"ClusterCreating", "ClusterNotReady", "SecretMissing"}) {
            DittoServerStatus status = status(new DatabaseReadiness(false, reason, "wait"), Optional.empty());
            assertThat(status.getPhase()).as(reason).isEqualTo(Phase.Pending);
            assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
            assertThat(condition(status, "Ready").getReason()).isEqualTo(reason);
            assertThat(condition(status, "DatabaseReady").getReason()).isEqualTo(reason);
        }
    }

    @Test
    void readyDatabaseAndPodMakeTheServerReady() {
        DittoServerStatus status = status(new DatabaseReadiness(true, "ClusterReady", "ok"), Optional.of(READY_STS));
        assertThat(status.getPhase()).isEqualTo(Phase.Running);
        assertThat(condition(status, "DatabaseReady").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    }

    @Test
    void serversWithoutPerconaHaveNoDatabaseCondition() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus status = Aggregate.status(server, Fixtures.inputs(server), Optional.of(READY_STS),
                null, T0);
        assertThat(status.getConditions()).extracting(Condition::getType).doesNotContain("DatabaseReady");
    }
}
