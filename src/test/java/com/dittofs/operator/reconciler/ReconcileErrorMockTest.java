package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A reconcile that fails: ReconcileError in the status (one sentence), one Warning event, recovery. */
@Tag("mock")
class ReconcileErrorMockTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private MockCluster cluster;

    @BeforeEach
    void start() {
        cluster = new MockCluster(MockCluster.dataPlaneOff());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aFailedReconcileIsReportedOnceAndClearsWhenTheCauseGoes() {
        cluster.reconciler.failure = () -> new KubernetesClientException("statefulsets.apps is forbidden: User"
                + " \"system:serviceaccount:dittofs-system:dittofs-operator\" cannot create resource", 403, null);
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("denied");
        server.getMetadata().setUid(null);
        cluster.client.resource(server).create();

        await().atMost(TIMEOUT).until(() -> cluster.condition("denied", ConditionTypes.READY)
                .map(c -> ConditionTypes.REASON_RECONCILE_ERROR.equals(c.getReason())).orElse(false));
        assertThat(cluster.get("denied").getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(cluster.condition("denied", ConditionTypes.READY).get().getMessage())
                .as("a sentence, not a stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        await().atMost(TIMEOUT).until(() -> cluster.events("denied").stream()
                .anyMatch(e -> "Warning".equals(e.getType())
                        && ConditionTypes.REASON_RECONCILE_ERROR.equals(e.getReason())));

        cluster.reconciler.failure = null;
        cluster.client.resources(DittoServer.class).inNamespace(MockCluster.NAMESPACE).withName("denied")
                .edit(s -> {
                    s.getSpec().getMetrics().setEnabled(true);
                    return s;
                });
        await().atMost(TIMEOUT).until(() -> cluster.condition("denied", ConditionTypes.READY)
                .map(c -> ConditionTypes.REASON_POD_NOT_READY.equals(c.getReason())).orElse(false));
        assertThat(cluster.events("denied").stream().filter(e -> "Warning".equals(e.getType()))).hasSize(1);
    }
}
