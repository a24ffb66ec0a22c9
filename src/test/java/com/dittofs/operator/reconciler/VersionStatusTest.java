package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

/** status.image (the pod template's) and status.dfsVersion (what the running dfs reports) through the aggregator. */
class VersionStatusTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static StatefulSet sts(String image) {
        return new StatefulSetBuilder().withNewMetadata().withGeneration(1L).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName("sidecar").withImage("example.com/other:1").endContainer()
                .addNewContainer().withName(Names.CONTAINER).withImage(image).endContainer()
                .endSpec().endTemplate().endSpec()
                .withNewStatus().withObservedGeneration(1L).withReplicas(1).withReadyReplicas(1)
                .withUpdatedReplicas(1).withCurrentRevision("r1").withUpdateRevision("r1").endStatus().build();
    }

    private static DataPlaneOutcome converged(String version) {
        return new DataPlaneOutcome(true, ConditionTypes.REASON_CONVERGED, "as declared", List.of(),
                com.dittofs.operator.dataplane.Ownership.none())
                .withDfsVersion(version);
    }

    private static DittoServerStatus aggregate(DittoServer server, StatefulSet sts, DataPlaneOutcome dataPlane,
            Exception error) {
        return Aggregate.status(server, Fixtures.inputs(server), Optional.ofNullable(sts),
                Optional.empty(), dataPlane, error, T0);
    }

    @Test
    void theImageIsTheTemplatesAndTheVersionTheDataPlanes() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus status = aggregate(server, sts("marmos91c/dittofs:v0.29.1"), converged("0.29.1"), null);
        assertThat(status.getImage()).isEqualTo("marmos91c/dittofs:v0.29.1");
        assertThat(status.getDfsVersion()).isEqualTo("0.29.1");
    }

    @Test
    void noStatefulSetNoImage() {
        DittoServer server = Fixtures.basic();
        assertThat(aggregate(server, null, converged(null), null).getImage()).isNull();
    }

    @Test
    void aPassThatDidNotReachTheDataPlaneKeepsTheVersionAndOneThatFoundItUnknownDropsIt() {
        DittoServer server = Fixtures.basic();
        server.setStatus(aggregate(server, sts("i:1"), converged("0.29.0"), null));
        assertThat(aggregate(server, sts("i:1"), null, new IllegalStateException("boom")).getDfsVersion())
                .isEqualTo("0.29.0");
        assertThat(aggregate(server, sts("i:1"), converged(null), null).getDfsVersion()).isNull();
    }

    @Test
    void anUnchangedVersionIsNoReasonToWrite() {
        DittoServer server = Fixtures.basic();
        server.setStatus(aggregate(server, sts("i:1"), converged("dev"), null));
        assertThat(StatusWrites.worthWriting(server.getStatus(), aggregate(server, sts("i:1"), converged("dev"),
                null))).isFalse();
        assertThat(StatusWrites.worthWriting(server.getStatus(), aggregate(server, sts("i:1"), converged("0.29.1"),
                null))).isTrue();
    }

    @Test
    void pausedKeepsBoth() {
        DittoServer server = Fixtures.basic();
        server.setStatus(aggregate(server, sts("i:1"), converged("dev"), null));
        DittoServerStatus held = Pause.hold(server, T0);
        assertThat(held.getImage()).isEqualTo("i:1");
        assertThat(held.getDfsVersion()).isEqualTo("dev");
    }
}
