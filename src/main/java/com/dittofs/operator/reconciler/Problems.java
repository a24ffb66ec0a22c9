package com.dittofs.operator.reconciler;

import java.util.Objects;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.events.EventRecorder;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;

/** When a status is a problem worth a Warning event and a stack in the log: once per new problem, not per retry. */
final class Problems {

    private Problems() {
    }

    /** One Warning event per new problem; {@code cause} is a short detail for the event only. */
    static void warnOnNew(DittoServer server, DittoServerStatus status, KubernetesClient client, String cause) {
        if (isProblem(status) && isNew(server, status)) {
            Condition ready = ready(status);
            EventRecorder.warning(client, server, ready.getReason(), ready.getMessage() + cause);
        }
    }

    /** Whether Ready says something the user must act on, rather than progress that passes by itself. */
    static boolean isProblem(DittoServerStatus status) {
        Condition ready = ready(status);
        return ready != null && !"True".equals(ready.getStatus())
                && !ConditionTypes.REASON_STOPPED.equals(ready.getReason())
                && !ConditionTypes.REASON_POD_NOT_READY.equals(ready.getReason())
                // the database on its way
                && !ConditionTypes.REASON_CLUSTER_CREATING.equals(ready.getReason())
                && !ConditionTypes.REASON_CLUSTER_NOT_READY.equals(ready.getReason())
                // the first data-plane sync running (a missing Secret also keeps the data plane waiting: a problem)
                && !(ConditionTypes.REASON_DATA_PLANE_NOT_READY.equals(ready.getReason()) && waitingForDataPlane(status));
    }

    /** Ready's message differs from the one the server's status had (or either has none). */
    static boolean isNew(DittoServer server, DittoServerStatus status) {
        Condition before = server.getStatus() == null ? null : ready(server.getStatus());
        Condition now = ready(status);
        return before == null || now == null || !Objects.equals(before.getMessage(), now.getMessage());
    }

    static Condition ready(DittoServerStatus status) {
        return status.getConditions().stream()
                .filter(c -> ConditionTypes.READY.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }

    private static boolean waitingForDataPlane(DittoServerStatus status) {
        return status.getConditions().stream().anyMatch(c -> ConditionTypes.DATA_PLANE_READY.equals(c.getType())
                && ConditionTypes.REASON_WAITING_FOR_SERVER.equals(c.getReason()));
    }
}
