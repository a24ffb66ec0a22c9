package com.dittofs.operator.reconciler;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import org.jboss.logging.Logger;

/**
 * Whether a newly computed status is worth a write; the one rule for the reconcile and the error path. Statuses are
 * compared as JSON trees, so every field counts, including fields added later, with two exceptions that follow other
 * changes within seconds and would otherwise cost a write each: a change of {@code status.replicas} alone (the
 * StatefulSet created the pod, which is not ready yet), and, while the server is Pending, a change of
 * {@code status.volumes} alone (the StatefulSet controller created a claim, the provisioner bound it: four of a new
 * server's writes). They are written with the next change of a condition, the phase or the ready count. A running
 * server's volumes are written as they change (a resize, a provisioner reporting the real capacity).
 */
final class StatusWrites {

    private static final Logger LOG = Logger.getLogger(StatusWrites.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLICAS = "replicas";
    private static final String VOLUMES = "volumes";

    private StatusWrites() {
    }

    /** A deep copy through the same JSON form: every field, including fields added later. */
    static <T> T copyOf(T status, Class<T> type) {
        return JSON.convertValue(status, type);
    }

    static boolean worthWriting(DittoServerStatus before, DittoServerStatus after) {
        if (before == null) {
            return true;
        }
        ObjectNode was = JSON.valueToTree(before);
        ObjectNode now = JSON.valueToTree(after);
        was.remove(REPLICAS);
        now.remove(REPLICAS);
        if (after.getPhase() == Phase.Pending) {
            was.remove(VOLUMES);
            now.remove(VOLUMES);
        }
        return !was.equals(now);
    }

    /**
     * The DittoServer was deleted under the reconcile (the apiserver answered 404 naming it): there is no status left
     * to write, and nothing went wrong.
     */
    static boolean serverGone(DittoServer server, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() == 404 && k.getStatus() != null
                    && k.getStatus().getDetails() != null
                    && "dittoservers".equals(k.getStatus().getDetails().getKind())
                    && server.getMetadata().getName().equals(k.getStatus().getDetails().getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A minimal copy for the status patch: identity plus the new status, nothing the operator does not own. No
     * resourceVersion: the apply is not an optimistic-lock update, so a concurrent spec edit cannot fail it.
     */
    static DittoServer patch(DittoServer server, DittoServerStatus status) {
        DittoServer patch = new DittoServer();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(server.getMetadata().getName())
                .withNamespace(server.getMetadata().getNamespace())
                .withGeneration(server.getMetadata().getGeneration())
                .withUid(server.getMetadata().getUid())
                .build());
        patch.setStatus(status);
        return patch;
    }

    /**
     * Writes the status by server-side apply (of {@link #patch}: no resourceVersion, so a concurrent spec edit cannot
     * fail it) and puts the written DittoServer in the operator's cache. A reconcile that starts before the watch
     * delivers this write (a Service or claim event right after it) then compares against what was written, not an
     * older status: a transition (a new problem, a refused resize, a pause) is announced once.
     */
    static void write(DittoServer server, DittoServerStatus status, Context<DittoServer> context) {
        PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(server, patch(server, status), context);
    }

    /** The error path's write: a status worth writing is written, and failing to write it fails nothing more. */
    static void writeAfterFailure(DittoServer server, DittoServerStatus status, Context<DittoServer> context) {
        if (!worthWriting(server.getStatus(), status)) {
            return;
        }
        try {
            write(server, status, context);
        } catch (RuntimeException e) {
            // The apiserver is likely what failed the reconcile too; the retry writes the status.
            LOG.debugf("Could not write the status of DittoServer %s/%s: %s", server.getMetadata().getNamespace(),
                    server.getMetadata().getName(), ErrorMessages.shortCause(e));
        }
    }
}
