package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.config.DataPlaneSettings;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretBinding;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * While a DittoSnapshotRestore restores a server, the server's data-plane sync does not run (it could create, update
 * or delete shares of the metadata store dfs is resetting); it resumes when the restore ends.
 */
class RestoreHoldTest {

    private final RestoreHolds holds = new RestoreHolds();
    private final DataPlaneStep step = new DataPlaneStep();

    @AfterEach
    void stop() {
        step.stop();
        step.snapshots.stop();
    }

    @Test
    void aHeldServerIsNotSyncedAndItsReconcileIsTriggeredOnRelease() {
        step.settings = new MockCluster.Settings(true, DataPlaneSettings.ApiAccess.SERVICE, 1, 1);
        step.restores = holds;
        step.snapshots = MockCluster.snapshotWatch();
        step.start();
        AtomicInteger released = new AtomicInteger();
        holds.onRelease(id -> released.incrementAndGet());
        DittoServer server = (DittoServer) Fixtures.sampleObjects("dittofs_v1alpha1_dittoserver.yaml").stream()
                .filter(DittoServer.class::isInstance).findFirst().orElseThrow();
        server.getMetadata().setNamespace("ns");
        ResourceID id = ResourceID.fromResource(server);

        assertThat(holds.hold(id, "back")).isTrue();
        assertThat(holds.hold(id, "other")).as("one restore per server").isFalse();
        DataPlaneOutcome outcome = step.run(server, inputs(server), Map.of(), true, null);
        assertThat(outcome.ready()).isFalse();
        assertThat(outcome.reason()).isEqualTo(ConditionTypes.REASON_RESTORE_IN_PROGRESS);
        assertThat(outcome.message()).isEqualTo("DittoSnapshotRestore back is restoring the shares; the sync resumes"
                + " when it ends");

        holds.release(id, "other");
        assertThat(holds.holder(id)).as("only the holder releases").contains("back");
        holds.release(id, "back");
        assertThat(holds.holder(id)).isEmpty();
        assertThat(released).as("the release triggers the server's next reconcile").hasValue(1);
    }

    /** Every Secret key the pod reads, present. */
    private static PodInputs inputs(DittoServer server) {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        for (SecretBinding binding : PodEnvironment.secretBindings(server)) {
            secrets.computeIfAbsent(binding.secret(), s -> new HashMap<>()).put(binding.keys().get(0),
                    Base64.getEncoder().encodeToString("value-of-the-key".getBytes(StandardCharsets.UTF_8)));
        }
        return PodInputs.of(server, name -> Optional.ofNullable(secrets.get(name)).map(data -> (Secret) new SecretBuilder()
                .withNewMetadata().withName(name).endMetadata().withData(data).build()));
    }
}
