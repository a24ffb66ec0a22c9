package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which StatefulSet the status reads while one is re-created across reconciles. */
class StatefulSetRecreationTest {

    private final DittoServer server = Fixtures.basic();

    private static StatefulSet sts(String uid, long generation, Long observed, Integer ready) {
        return new StatefulSetBuilder().withNewMetadata().withName("s").withUid(uid).withGeneration(generation)
                .endMetadata().withNewStatus().withObservedGeneration(observed).withReadyReplicas(ready).endStatus()
                .build();
    }

    @AfterEach
    void reset() {
        StatefulSetRecreation.forget(ResourceID.fromResource(server));
        StatefulSetRecreation.clock = Clock.systemUTC();
    }

    @Test
    void withoutRecreationTheInformersStatefulSetIsRead() {
        StatefulSet seen = sts("a", 1, 1L, 1);
        assertThat(StatefulSetRecreation.standIn(server, Optional.of(seen))).contains(seen);
        assertThat(StatefulSetRecreation.underWay(server)).isFalse();
    }

    @Test
    void theOldStatefulSetStandsInUntilTheNewOneReportsTheAdoptedPod() {
        StatefulSet old = sts("old", 3, 3L, 1);
        StatefulSetRecreation.begin(server, old);
        assertThat(StatefulSetRecreation.underWay(server)).isTrue();
        // terminating, then gone
        assertThat(StatefulSetRecreation.standIn(server, Optional.of(old))).contains(old);
        assertThat(StatefulSetRecreation.standIn(server, Optional.empty())).contains(old);
        StatefulSetRecreation.created(server);
        // created, not yet observed by its controller, then observed without the pod ready
        assertThat(StatefulSetRecreation.standIn(server, Optional.of(sts("new", 1, null, null)))).contains(old);
        assertThat(StatefulSetRecreation.standIn(server, Optional.of(sts("new", 1, 1L, 0)))).contains(old);
        StatefulSet adopted = sts("new", 1, 1L, 1);
        assertThat(StatefulSetRecreation.standIn(server, Optional.of(adopted))).contains(adopted);
        assertThat(StatefulSetRecreation.underWay(server)).isFalse();
    }

    @Test
    void aNewStatefulSetThatNeverReportsThePodIsReadAfterTheAdoptionWait() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        StatefulSetRecreation.clock = Clock.fixed(t0, ZoneOffset.UTC);
        StatefulSet old = sts("old", 3, 3L, 1);
        StatefulSetRecreation.begin(server, old);
        StatefulSetRecreation.created(server);
        StatefulSet stuck = sts("new", 1, 1L, 0);
        assertThat(StatefulSetRecreation.standIn(server, Optional.of(stuck))).contains(old);
        StatefulSetRecreation.clock = Clock.fixed(t0.plus(StatefulSetRecreation.ADOPTION_WAIT).plusSeconds(1),
                ZoneOffset.UTC);
        assertThat(StatefulSetRecreation.standIn(server, Optional.of(stuck))).contains(stuck);
        assertThat(StatefulSetRecreation.underWay(server)).isFalse();
    }
}
