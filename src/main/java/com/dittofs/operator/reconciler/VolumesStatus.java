package com.dittofs.operator.reconciler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.events.EventRecorder;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Folds a volume-expansion outcome into a status: status.volumes and the VolumesResized condition. */
final class VolumesStatus {

    private VolumesStatus() {
    }

    static DittoServerStatus apply(DittoServer server, DittoServerStatus status, VolumeExpansion.Outcome outcome,
            Instant now) {
        var previous = server.getStatus() == null ? null : server.getStatus().getConditions();
        Conditions conditions = new Conditions(previous, server.getMetadata().getGeneration(), now);
        for (Condition c : status.getConditions()) {
            conditions.set(c.getType(), c.getStatus(), c.getReason(), c.getMessage());
        }
        conditions.set(ConditionTypes.VOLUMES_RESIZED, outcome.atSize(), outcome.reason(), outcome.message());
        status.setConditions(conditions.build());
        status.setVolumes(outcome.volumes().isEmpty() ? null : outcome.volumes());
        return status;
    }

    /** When a pass failed before looking at the claims, keep what is known of them. */
    static DittoServerStatus carryOver(DittoServer server, DittoServerStatus status) {
        if (server.getStatus() != null) {
            status.setVolumes(server.getStatus().getVolumes());
            previous(server).ifPresent(c -> {
                var list = new ArrayList<>(status.getConditions());
                list.add(c);
                status.setConditions(list);
            });
        }
        return status;
    }

    /** One Warning event when a resize is newly refused (ExpansionNotSupported, ResizeFailed), not one per retry. */
    static void warnOnNewRefusal(DittoServer server, VolumeExpansion.Outcome outcome, KubernetesClient client) {
        boolean refused = ConditionTypes.REASON_EXPANSION_NOT_SUPPORTED.equals(outcome.reason())
                || ConditionTypes.REASON_RESIZE_FAILED.equals(outcome.reason());
        boolean known = previous(server).map(c -> Objects.equals(c.getMessage(), Conditions.tidy(outcome.message())))
                .orElse(false);
        if (refused && !known) {
            EventRecorder.warning(client, server, outcome.reason(), outcome.message());
        }
    }

    private static Optional<Condition> previous(DittoServer server) {
        return server.getStatus() == null ? Optional.empty() : server.getStatus().getConditions().stream()
                .filter(c -> ConditionTypes.VOLUMES_RESIZED.equals(c.getType()))
                .findFirst();
    }
}
