package com.dittofs.operator.reconciler;

import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import io.fabric8.kubernetes.api.model.Condition;

/** Folds the data-plane outcome into a status: the DataPlaneReady condition, the shares, and Ready. */
final class DataPlaneStatus {

    private DataPlaneStatus() {
    }

    static DittoServerStatus apply(DittoServer server, DittoServerStatus status, DataPlaneOutcome outcome,
            Instant now) {
        var previous = server.getStatus() == null ? null : server.getStatus().getConditions();
        Conditions conditions = new Conditions(previous, server.getMetadata().getGeneration(), now);
        Condition ready = null;
        for (Condition c : status.getConditions()) {
            if (ConditionTypes.READY.equals(c.getType())) {
                ready = c;
            } else {
                conditions.set(c.getType(), c.getStatus(), c.getReason(), c.getMessage());
            }
        }
        conditions.set(ConditionTypes.DATA_PLANE_READY, outcome.ready(), outcome.reason(), outcome.message());
        boolean serverReady = ready != null && "True".equals(ready.getStatus());
        if (serverReady && !outcome.ready()) {
            conditions.set(ConditionTypes.READY, false, ConditionTypes.REASON_DATA_PLANE_NOT_READY, outcome.message());
            status.setPhase(outcome.phaseWhenNotReady());
        } else if (ready != null) {
            conditions.set(ConditionTypes.READY, ready.getStatus(), ready.getReason(), ready.getMessage());
        }
        status.setConditions(conditions.build());
        status.setShares(outcome.shares());
        status.setManagedShares(outcome.managedShares() == null || outcome.managedShares().isEmpty()
                ? null : outcome.managedShares());
        if (outcome.access() == null) {
            carryOverAccess(server, status);
        } else {
            status.setUsers(emptyToNull(outcome.access().users()));
            status.setManagedUsers(emptyToNull(outcome.access().managedUsers()));
            status.setManagedGroups(emptyToNull(outcome.access().managedGroups()));
        }
        return status;
    }

    /** When a pass failed before reaching dfs, keep what is known of the data plane. */
    static DittoServerStatus carryOver(DittoServer server, DittoServerStatus status) {
        if (server.getStatus() != null) {
            status.setShares(server.getStatus().getShares());
            status.setManagedShares(server.getStatus().getManagedShares());
            carryOverAccess(server, status);
            server.getStatus().getConditions().stream()
                    .filter(c -> ConditionTypes.DATA_PLANE_READY.equals(c.getType()))
                    .findFirst()
                    .ifPresent(c -> {
                        var list = new java.util.ArrayList<>(status.getConditions());
                        list.add(c);
                        status.setConditions(list);
                    });
        }
        return status;
    }

    private static void carryOverAccess(DittoServer server, DittoServerStatus status) {
        if (server.getStatus() != null) {
            status.setUsers(server.getStatus().getUsers());
            status.setManagedUsers(server.getStatus().getManagedUsers());
            status.setManagedGroups(server.getStatus().getManagedGroups());
        }
    }

    private static <T> java.util.List<T> emptyToNull(java.util.List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
