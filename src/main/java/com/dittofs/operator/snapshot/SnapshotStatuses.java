package com.dittofs.operator.snapshot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotStatus;
import com.dittofs.operator.api.v1alpha1.SnapshotPhase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/** Builds a DittoSnapshot's next status from its last one: the Ready condition moves its time only when it flips. */
final class SnapshotStatuses {

    /** Longest condition message: one or two sentences. */
    static final int MAX_MESSAGE = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotStatuses() {
    }

    /** A deep copy of the current status, or a new Pending one. */
    static DittoSnapshotStatus next(DittoSnapshot snapshot) {
        DittoSnapshotStatus status = snapshot.getStatus() == null ? new DittoSnapshotStatus()
                : JSON.convertValue(snapshot.getStatus(), DittoSnapshotStatus.class);
        status.setObservedGeneration(snapshot.getMetadata().getGeneration());
        status.setSnapshotName(SnapshotNames.dfsName(snapshot));
        if (status.getPhase() == null) {
            status.setPhase(SnapshotPhase.Pending);
        }
        return status;
    }

    /** Sets the phase and the Ready condition (True only when Ready). */
    static DittoSnapshotStatus set(DittoSnapshotStatus status, SnapshotPhase phase, String reason, String message,
            Instant now) {
        status.setPhase(phase);
        String truth = phase == SnapshotPhase.Ready ? "True" : "False";
        String transition = status.getConditions() == null ? null : status.getConditions().stream()
                .filter(c -> ConditionTypes.READY.equals(c.getType()) && truth.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime).findFirst().orElse(null);
        status.setConditions(List.of(new ConditionBuilder()
                .withType(ConditionTypes.READY)
                .withStatus(truth)
                .withReason(reason)
                .withMessage(tidy(message))
                .withObservedGeneration(status.getObservedGeneration())
                .withLastTransitionTime(transition != null ? transition
                        : now.truncatedTo(ChronoUnit.SECONDS).toString())
                .build()));
        return status;
    }

    /** Whether a phase is final: nothing more is asked of dfs. */
    static boolean terminal(DittoSnapshotStatus status) {
        return status != null
                && (status.getPhase() == SnapshotPhase.Ready || status.getPhase() == SnapshotPhase.Failed);
    }

    /** Whether writing {@code after} changes anything. */
    static boolean changed(DittoSnapshotStatus before, DittoSnapshotStatus after) {
        return before == null || !JSON.valueToTree(before).equals(JSON.valueToTree(after));
    }

    static String tidy(String message) {
        String line = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1).strip() + "…";
    }
}
