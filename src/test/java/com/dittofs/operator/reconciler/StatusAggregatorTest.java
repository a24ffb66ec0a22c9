package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.AdminSpec;
import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T01:00:00Z");

    private static StatefulSet sts(int ready, String current, String update) {
        return new StatefulSetBuilder().withNewMetadata().withGeneration(1L).endMetadata()
                .withNewStatus().withObservedGeneration(1L).withReplicas(1).withReadyReplicas(ready)
                .withUpdatedReplicas(1).withCurrentRevision(current).withUpdateRevision(update).endStatus().build();
    }

    private static Condition condition(DittoServerStatus status, String type) {
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void readyServerIsRunningWithEveryConditionTrueButProgressing() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus status = Aggregate.status(server, Fixtures.inputs(server),
                Optional.of(sts(1, "r1", "r1")), null, T0);
        assertThat(status.getPhase()).isEqualTo(Phase.Running);
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Available").getStatus()).isEqualTo("True");
        assertThat(condition(status, "ConfigReady").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("False");
        assertThat(status.getConditions()).allMatch(c -> c.getObservedGeneration() == 1L);
        assertThat(status.getEndpoints().getApi()).isEqualTo("https://my-dittofs-api.files.svc:8080");
        assertThat(status.getConditions()).as("absent while the API is encrypted")
                .noneMatch(c -> "ApiEncrypted".equals(c.getType()));
    }

    @Test
    void anUnchangedResyncProducesAnEqualStatusWithStableTransitionTimes() {
        DittoServer server = Fixtures.basic();
        PodInputs inputs = Fixtures.inputs(server);
        server.setStatus(Aggregate.status(server, inputs, Optional.of(sts(1, "r1", "r1")), null, T0));
        DittoServerStatus again = Aggregate.status(server, inputs, Optional.of(sts(1, "r1", "r1")), null, T1);
        assertThat(again).usingRecursiveComparison().isEqualTo(server.getStatus());
        assertThat(StatusWrites.worthWriting(server.getStatus(), again)).isFalse();
        assertThat(condition(again, "Ready").getLastTransitionTime()).isEqualTo(T0.toString());
    }

    @Test
    void transitionTimeMovesOnlyWithTheStatus() {
        DittoServer server = Fixtures.basic();
        PodInputs inputs = Fixtures.inputs(server);
        server.setStatus(Aggregate.status(server, inputs, Optional.of(sts(0, "r1", "r1")), null, T0));
        assertThat(condition(server.getStatus(), "Ready").getStatus()).isEqualTo("False");
        DittoServerStatus ready = Aggregate.status(server, inputs, Optional.of(sts(1, "r1", "r1")), null, T1);
        assertThat(condition(ready, "Ready").getLastTransitionTime()).isEqualTo(T1.toString());
        assertThat(condition(ready, "ConfigReady").getLastTransitionTime()).isEqualTo(T0.toString());
    }

    @Test
    void missingSecretFailsWithAMessageNamingIt() {
        DittoServer server = Fixtures.basic();
        IdentitySpec identity = new IdentitySpec();
        AdminSpec admin = new AdminSpec();
        admin.setPasswordSecretRef(new SecretKeySelector("pw", "mine", null));
        identity.setAdmin(admin);
        server.getSpec().setIdentity(identity);
        DittoServerStatus status = Aggregate.status(server, Fixtures.inputs(server), Optional.empty(), null, T0);
        assertThat(status.getPhase()).isEqualTo(Phase.Failed);
        assertThat(condition(status, "ConfigReady").getReason()).isEqualTo("SecretMissing");
        assertThat(condition(status, "Ready").getMessage())
                .isEqualTo("Secret \"mine\" (spec.identity.admin.passwordSecretRef) not found");
        DittoServerStatus keyMissing = Aggregate.status(server,
                Fixtures.inputs(server, Fixtures.secret("mine", Map.of("other", "x"))), Optional.empty(), null, T0);
        assertThat(condition(keyMissing, "Ready").getMessage()).contains("has no key \"pw\"");
    }

    @Test
    void plainHttpOnRequestIsAConditionThatSaysPasswordsCrossInClear() {
        DittoServer server = Fixtures.basic();
        var tls = new com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec();
        tls.setMode(com.dittofs.operator.api.v1alpha1.TlsMode.DISABLED);
        server.getSpec().getControlPlane().setTls(tls);
        DittoServerStatus status = Aggregate.status(server, Fixtures.inputs(server),
                Optional.of(sts(1, "r1", "r1")), null, T0);
        assertThat(condition(status, "ApiEncrypted")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("TlsDisabled");
            assertThat(c.getMessage()).contains("plain HTTP", "in clear");
        });
        assertThat(condition(status, "Ready").getStatus()).as("a choice, not a failure").isEqualTo("True");
        assertThat(status.getEndpoints().getApi()).isEqualTo("http://my-dittofs-api.files.svc:8080");
    }

    @Test
    void stoppedRollingAndErrorStates() {
        DittoServer stopped = Fixtures.basic();
        stopped.getSpec().setReplicas(0);
        DittoServerStatus s = Aggregate.status(stopped, Fixtures.inputs(stopped), Optional.empty(), null, T0);
        assertThat(s.getPhase()).isEqualTo(Phase.Stopped);
        assertThat(condition(s, "Ready").getReason()).isEqualTo("Stopped");

        DittoServer server = Fixtures.basic();
        DittoServerStatus rolling = Aggregate.status(server, Fixtures.inputs(server),
                Optional.of(sts(1, "r1", "r2")), null, T0);
        assertThat(condition(rolling, "Progressing").getStatus()).isEqualTo("True");
        assertThat(condition(rolling, "Progressing").getReason()).isEqualTo("RollingOut");

        DittoServerStatus failed = Aggregate.status(server, Fixtures.inputs(server), Optional.empty(),
                new IllegalStateException("configmaps is forbidden"), T0);
        assertThat(failed.getPhase()).isEqualTo(Phase.Failed);
        assertThat(condition(failed, "Ready").getReason()).isEqualTo("ReconcileError");
        assertThat(condition(failed, "Ready").getMessage()).isEqualTo("The reconcile failed with an unexpected"
                + " IllegalStateException; the operator retries, and its log has the details.");
    }

    private static DataPlaneOutcome unreachable() {
        return new DataPlaneOutcome(false, ConditionTypes.REASON_SERVER_UNREACHABLE, "Connection refused",
                List.of(new com.dittofs.operator.api.v1alpha1.ShareStatus("/export", true, "serving")),
                com.dittofs.operator.dataplane.Ownership.of(List.of("/export"), null));
    }

    @Test
    void aDataPlaneNotReadyKeepsAReadyServerFromReadyInTheSamePass() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus status = Aggregate.status(server, Fixtures.inputs(server),
                Optional.of(sts(1, "r1", "r1")), Optional.empty(), unreachable(), null, T0);
        assertThat(condition(status, "DataPlaneReady").getReason()).isEqualTo("ServerUnreachable");
        assertThat(condition(status, "Ready").getReason()).isEqualTo("DataPlaneNotReady");
        assertThat(condition(status, "Ready").getMessage()).isEqualTo("Connection refused");
        assertThat(status.getPhase()).as("unreachable passes by itself").isEqualTo(Phase.Pending);
        assertThat(status.getManagedShares()).containsExactly("/export");
        assertThat(status.getConditions()).extracting(c -> c.getType()).containsExactly("ConfigReady", "Available",
                "Progressing", "DataPlaneReady", "Ready");
    }

    @Test
    void aPodNotReadyOutranksTheDataPlane() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus status = Aggregate.status(server, Fixtures.inputs(server),
                Optional.of(sts(0, "r1", "r1")), Optional.empty(), unreachable(), null, T0);
        assertThat(condition(status, "Ready").getReason()).isEqualTo("PodNotReady");
        assertThat(status.getPhase()).isEqualTo(Phase.Pending);
    }

    @Test
    void anErrorKeepsTheDataPlanePartAsItWas() {
        DittoServer server = Fixtures.basic();
        server.setStatus(Aggregate.status(server, Fixtures.inputs(server), Optional.of(sts(1, "r1", "r1")),
                Optional.empty(), unreachable(), null, T0));
        server.getMetadata().setGeneration(2L);
        DittoServerStatus failed = Aggregate.status(server, Fixtures.inputs(server),
                Optional.of(sts(1, "r1", "r1")), Optional.empty(), null, new IllegalStateException("x"), T1);
        assertThat(condition(failed, "Ready").getReason()).isEqualTo("ReconcileError");
        assertThat(condition(failed, "DataPlaneReady")).usingRecursiveComparison()
                .isEqualTo(condition(server.getStatus(), "DataPlaneReady"));
        assertThat(failed.getShares()).isEqualTo(server.getStatus().getShares());
        assertThat(failed.getManagedShares()).containsExactly("/export");
    }
}
