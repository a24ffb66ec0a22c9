package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import org.junit.jupiter.api.Test;

class PauseTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static DittoServer server(Long generation, String annotation) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setGeneration(generation);
        Map<String, String> annotations = new HashMap<>();
        if (annotation != null) {
            annotations.put("dittofs.dittofs.com/reconcile", annotation);
        }
        server.getMetadata().setAnnotations(annotations);
        return server;
    }

    @Test
    void onlyTheValuePausedPauses() {
        assertThat(Pause.isPaused(server(1L, "paused"))).isTrue();
        assertThat(Pause.isPaused(server(1L, "Paused"))).isFalse();
        assertThat(Pause.isPaused(server(1L, null))).isFalse();
        DittoServer none = server(1L, null);
        none.getMetadata().setAnnotations(null);
        assertThat(Pause.isPaused(none)).isFalse();
    }

    @Test
    void holdingKeepsTheStatusAsOfThePauseAndAddsThePausedConditionOfTheCurrentGeneration() {
        DittoServer server = server(3L, "paused");
        DittoServerStatus before = new DittoServerStatus();
        before.setObservedGeneration(2L);
        before.setPhase(Phase.Running);
        before.setConfigHash("abc");
        before.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True")
                .withReason("ServerReady").withObservedGeneration(2L).withLastTransitionTime("2025-01-01T00:00:00Z")
                .build()));
        server.setStatus(before);

        DittoServerStatus held = Pause.hold(server, NOW);

        assertThat(held.getObservedGeneration()).isEqualTo(2L);
        assertThat(held.getPhase()).isEqualTo(Phase.Running);
        assertThat(held.getConfigHash()).isEqualTo("abc");
        assertThat(held.getConditions()).hasSize(2);
        assertThat(held.getConditions().get(0)).isEqualTo(before.getConditions().get(0));
        assertThat(held.getConditions().get(1)).satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Paused");
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("PausedByAnnotation");
            assertThat(c.getObservedGeneration()).isEqualTo(3L);
        });
        assertThat(server.getStatus().getConditions()).as("the cached object is not modified").hasSize(1);

        server.setStatus(held);
        assertThat(Pause.wasPaused(server)).isTrue();
        assertThat(StatusWrites.worthWriting(held, Pause.hold(server, NOW.plusSeconds(60))))
                .as("a second pass writes nothing").isFalse();
    }

    @Test
    void specChangesThePauseAnnotationAndDeletionReconcileButStatusAndOtherMetadataDoNot() {
        var filter = new SpecOrPauseChanged();
        assertThat(filter.accept(server(2L, null), server(1L, null))).isTrue();
        assertThat(filter.accept(server(1L, "paused"), server(1L, null))).isTrue();
        assertThat(filter.accept(server(1L, null), server(1L, "paused"))).isTrue();
        assertThat(filter.accept(server(1L, "paused"), server(1L, "paused"))).isFalse();
        DittoServer labelled = server(1L, null);
        labelled.getMetadata().setLabels(Map.of("team", "a"));
        assertThat(filter.accept(labelled, server(1L, null))).isFalse();
        DittoServer deleting = server(1L, null);
        deleting.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        assertThat(filter.accept(deleting, server(1L, null))).isTrue();
    }
}
