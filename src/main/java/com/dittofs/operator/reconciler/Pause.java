package com.dittofs.operator.reconciler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * The annotation {@code dittofs.dittofs.com/reconcile: paused}: while it is set the operator changes nothing of the
 * server (no object, no claim, no data-plane call); it only acknowledges the pause with the Paused condition and an
 * event. The rest of the status stays as it was when the pause began.
 */
final class Pause {

    static final String MESSAGE = "The annotation " + Labels.RECONCILE + " is \"" + Labels.RECONCILE_PAUSED
            + "\": the operator changes nothing of this server until it is removed; the rest of the status is as of"
            + " the pause";

    private Pause() {
    }

    /** A paused server keeps its status (marked paused) and nothing else is reconciled. */
    static boolean heldWhilePaused(DittoServer server, Context<DittoServer> context) {
        if (!isPaused(server)) {
            return false;
        }
        announcePause(server, context.getClient());
        DittoServerStatus held = hold(server, Instant.now());
        if (StatusWrites.worthWriting(server.getStatus(), held)) {
            StatusWrites.write(server, held, context);
        }
        return true;
    }

    static boolean isPaused(DittoServer server) {
        Map<String, String> annotations = server.getMetadata().getAnnotations();
        return annotations != null && Labels.RECONCILE_PAUSED.equals(annotations.get(Labels.RECONCILE));
    }

    /** Whether the status still carries the Paused condition (the pause was acknowledged and not yet lifted). */
    static boolean wasPaused(DittoServer server) {
        return server.getStatus() != null && server.getStatus().getConditions().stream()
                .anyMatch(c -> ConditionTypes.PAUSED.equals(c.getType()));
    }

    /** The status while paused: as before, plus the Paused condition. Pure. */
    static DittoServerStatus hold(DittoServer server, Instant now) {
        DittoServerStatus previous = server.getStatus() == null ? new DittoServerStatus() : server.getStatus();
        // The other conditions stay exactly as they are (their observedGeneration too): the server as of the pause.
        List<Condition> conditions = new ArrayList<>(previous.getConditions().stream()
                .filter(c -> !ConditionTypes.PAUSED.equals(c.getType())).toList());
        conditions.addAll(new Conditions(previous.getConditions(), server.getMetadata().getGeneration(), now)
                .set(ConditionTypes.PAUSED, true, ConditionTypes.REASON_PAUSED_BY_ANNOTATION, MESSAGE).build());
        DittoServerStatus status = StatusWrites.copyOf(previous, DittoServerStatus.class);
        status.setConditions(List.copyOf(conditions));
        return status;
    }

    /** A Normal event on the first reconcile of a pause. */
    static void announcePause(DittoServer server, KubernetesClient client) {
        if (!wasPaused(server)) {
            EventRecorder.normal(client, server, EventReasons.PAUSED, "Reconciling paused by the annotation "
                    + Labels.RECONCILE + ": spec edits wait until it is removed");
        }
    }

    /** A Normal event on the first reconcile after the pause was lifted. */
    static void announceResume(DittoServer server, KubernetesClient client) {
        if (wasPaused(server)) {
            EventRecorder.normal(client, server, EventReasons.RESUMED, "The annotation " + Labels.RECONCILE
                    + " was removed: converging the server to its spec again");
        }
    }
}
