package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Phase;

class StatusWritesTest {

    @Test
    void theFirstStatusIsWritten() {
        assertThat(StatusWrites.worthWriting(null, status("Pending", 0, 0))).isTrue();
    }

    @Test
    void anUnchangedStatusIsNotWritten() {
        assertThat(StatusWrites.worthWriting(status("Running", 1, 1), status("Running", 1, 1))).isFalse();
    }

    @Test
    void aPodThatExistsButIsNotReadyYetIsNoReasonToWrite() {
        DittoServerStatus after = status("Pending", 1, 0);
        assertThat(StatusWrites.worthWriting(status("Pending", 0, 0), after)).isFalse();
        assertThat(after.getReplicas()).as("the status itself is left as computed").isEqualTo(1);
    }

    @Test
    void theCountIsWrittenWithAnyOtherChange() {
        assertThat(StatusWrites.worthWriting(status("Pending", 0, 0), status("Running", 1, 1))).isTrue();
        assertThat(StatusWrites.worthWriting(status("Running", 1, 1), status("Running", 1, 0))).isTrue();
    }

    @Test
    void aClaimCreatedOrBoundIsWrittenWithTheNextOtherChange() {
        DittoServerStatus before = status("Pending", 1, 0);
        DittoServerStatus after = status("Pending", 1, 0);
        after.setVolumes(java.util.List.of(new com.dittofs.operator.api.v1alpha1.VolumeStatus("metadata",
                "metadata-x-0", "1Gi", "1Gi")));
        assertThat(StatusWrites.worthWriting(before, after)).isFalse();
        DittoServerStatus ready = status("Running", 1, 1);
        ready.setVolumes(after.getVolumes());
        assertThat(StatusWrites.worthWriting(before, ready)).isTrue();
    }

    @Test
    void aRunningServersVolumesAreWrittenAsTheyChange() {
        DittoServerStatus before = status("Running", 1, 1);
        DittoServerStatus after = status("Running", 1, 1);
        after.setVolumes(java.util.List.of(new com.dittofs.operator.api.v1alpha1.VolumeStatus("metadata",
                "metadata-x-0", "2Gi", "2Gi")));
        assertThat(StatusWrites.worthWriting(before, after)).isTrue();
    }

    @Test
    void everyFieldCountsEvenOnesNoEqualsKnowsOf() {
        DittoServerStatus before = status("Running", 1, 1);
        DittoServerStatus after = status("Running", 1, 1);
        after.setManagedShares(java.util.List.of("/export"));
        assertThat(StatusWrites.worthWriting(before, after)).isTrue();
        after = status("Running", 1, 1);
        after.setShares(java.util.List.of(new com.dittofs.operator.api.v1alpha1.ShareStatus("/export", false, "x")));
        before.setShares(java.util.List.of(new com.dittofs.operator.api.v1alpha1.ShareStatus("/export", false, "y")));
        assertThat(StatusWrites.worthWriting(before, after)).isTrue();
    }

    @Test
    void a404NamingTheServerMeansItIsGoneAnyOther404DoesNot() {
        var server = com.dittofs.operator.fixtures.Fixtures.basic();
        assertThat(StatusWrites.serverGone(server, notFound("dittoservers", server.getMetadata().getName()))).isTrue();
        assertThat(StatusWrites.serverGone(server, new RuntimeException(notFound("dittoservers",
                server.getMetadata().getName())))).as("wrapped").isTrue();
        assertThat(StatusWrites.serverGone(server, notFound("dittoservers", "other"))).isFalse();
        assertThat(StatusWrites.serverGone(server, notFound("secrets", server.getMetadata().getName()))).isFalse();
        assertThat(StatusWrites.serverGone(server, new IllegalStateException("boom"))).isFalse();
    }

    private static io.fabric8.kubernetes.client.KubernetesClientException notFound(String kind, String name) {
        var status = new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(404).withReason("NotFound")
                .withNewDetails().withKind(kind).withName(name).endDetails().build();
        return new io.fabric8.kubernetes.client.KubernetesClientException(status);
    }

    private static DittoServerStatus status(String phase, int replicas, int ready) {
        DittoServerStatus status = new DittoServerStatus();
        status.setPhase(Phase.valueOf(phase));
        status.setReplicas(replicas);
        status.setReadyReplicas(ready);
        return status;
    }
}
