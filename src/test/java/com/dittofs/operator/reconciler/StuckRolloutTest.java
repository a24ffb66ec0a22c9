package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.dittofs.operator.naming.Labels;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

class StuckRolloutTest {

    static StatefulSet statefulSet(String updateRevision) {
        return new StatefulSetBuilder().withNewMetadata().withName("s").endMetadata().withNewStatus()
                .withCurrentRevision("s-old").withUpdateRevision(updateRevision).endStatus().build();
    }

    static Pod pod(String revision, boolean deleting) {
        return new PodBuilder().withNewMetadata().withName("s-0")
                .withLabels(Map.of(Labels.STATEFULSET_REVISION, revision))
                .withDeletionTimestamp(deleting ? "2026-12-06T00:00:00Z" : null).endMetadata().build();
    }

    @Test
    void aPodFailingOnARevisionTheStatefulSetMovedPastIsStuck() {
        assertThat(StuckRollout.stuck(statefulSet("s-new"), pod("s-old", false), true)).isTrue();
    }

    @Test
    void aFailingPodOnTheCurrentRevisionIsLeftToTheStatefulSet() {
        assertThat(StuckRollout.stuck(statefulSet("s-new"), pod("s-new", false), true)).isFalse();
    }

    @Test
    void aPodThatIsNotFailingIsNeverDeletedEvenOnAnOldRevision() {
        assertThat(StuckRollout.stuck(statefulSet("s-new"), pod("s-old", false), false)).isFalse();
    }

    @Test
    void aPodAlreadyBeingDeletedOrAStatefulSetWithoutStatusIsLeftAlone() {
        assertThat(StuckRollout.stuck(statefulSet("s-new"), pod("s-old", true), true)).isFalse();
        assertThat(StuckRollout.stuck(new StatefulSetBuilder().build(), pod("s-old", false), true)).isFalse();
        assertThat(StuckRollout.stuck(statefulSet(null), pod("s-old", false), true)).isFalse();
    }
}
