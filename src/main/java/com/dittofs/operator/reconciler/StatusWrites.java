package com.dittofs.operator.reconciler;

import java.util.Objects;

import com.dittofs.operator.api.v1alpha1.DittoServerStatus;

/**
 * Whether a newly computed status is worth a write. A change of {@code status.replicas} alone (the StatefulSet created
 * the pod, which is not ready yet) is not: it is written with the next change of a condition, the phase or the ready
 * count, which follows within seconds. That saves one status write per new server and per restart.
 */
final class StatusWrites {

    private StatusWrites() {
    }

    static boolean worthWriting(DittoServerStatus before, DittoServerStatus after) {
        if (before == null) {
            return true;
        }
        if (Objects.equals(after.getReplicas(), before.getReplicas())) {
            return !after.equals(before);
        }
        Integer replicas = after.getReplicas();
        after.setReplicas(before.getReplicas());
        boolean onlyTheCountChanged = after.equals(before);
        after.setReplicas(replicas);
        return !onlyTheCountChanged;
    }
}
