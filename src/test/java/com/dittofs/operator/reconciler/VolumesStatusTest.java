package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.VolumeStatus;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import org.junit.jupiter.api.Test;

class VolumesStatusTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<VolumeStatus> VOLUMES = List.of(new VolumeStatus("metadata", "metadata-my-dittofs-0",
            "10Gi", "10Gi"));

    private static DittoServerStatus withReady() {
        DittoServerStatus status = new DittoServerStatus();
        status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True")
                .withReason("ServerReady").withMessage("The file server is ready").build()));
        return status;
    }

    private static Condition volumesResized(DittoServerStatus status) {
        return status.getConditions().stream().filter(c -> "VolumesResized".equals(c.getType())).findFirst()
                .orElseThrow();
    }

    @Test
    void theOutcomeBecomesTheConditionAndTheVolumesBesideTheOthers() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setGeneration(4L);
        var outcome = new VolumeExpansion.Outcome(VOLUMES, false, "ExpansionNotSupported", "no expansion");
        DittoServerStatus status = VolumesStatus.apply(server, withReady(), outcome, NOW);
        assertThat(status.getConditions()).extracting(Condition::getType).containsExactly("Ready", "VolumesResized");
        assertThat(volumesResized(status)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ExpansionNotSupported");
            assertThat(c.getObservedGeneration()).isEqualTo(4L);
        });
        assertThat(status.getVolumes()).isEqualTo(VOLUMES);
        assertThat(VolumesStatus.apply(server, withReady(), new VolumeExpansion.Outcome(List.of(), true,
                "VolumesAtSize", "none yet"), NOW).getVolumes()).as("no empty list in the status").isNull();
    }

    @Test
    void aFailedPassKeepsWhatWasKnownOfTheVolumes() {
        DittoServer server = Fixtures.basic();
        server.setStatus(VolumesStatus.apply(server, withReady(), new VolumeExpansion.Outcome(VOLUMES, true,
                "VolumesAtSize", "at size"), NOW));
        DittoServerStatus afterError = VolumesStatus.carryOver(server, withReady());
        assertThat(afterError.getVolumes()).isEqualTo(VOLUMES);
        assertThat(volumesResized(afterError).getReason()).isEqualTo("VolumesAtSize");
    }
}
