package com.dittofs.operator.reconciler;

import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jboss.logging.Logger;

/**
 * A StatefulSet never replaces a pod that keeps failing on an old revision: its controller waits for that pod to
 * become ready first (Kubernetes' "forced rollback" caveat), so a spec that fixes a broken server (an image that
 * exists, {@code volumePermissions}, a corrected setting) would otherwise never reach the pod. When the server's only
 * pod keeps failing ({@link PodFailures}) on a revision older than the StatefulSet's, the operator deletes it and the
 * StatefulSet controller starts it from the current template. A pod that is ready, still starting, or already on the
 * current revision is left alone.
 */
final class StuckRollout {

    private static final Logger LOG = Logger.getLogger(StuckRollout.class);

    private StuckRollout() {
    }

    /** Whether the pod keeps failing on a revision the StatefulSet has moved past. Pure. */
    static boolean stuck(StatefulSet statefulSet, Pod pod, boolean failing) {
        if (!failing || pod == null || pod.getMetadata().getDeletionTimestamp() != null
                || statefulSet.getStatus() == null) {
            return false;
        }
        String current = statefulSet.getStatus().getUpdateRevision();
        String podRevision = pod.getMetadata().getLabels() == null ? null
                : pod.getMetadata().getLabels().get(Labels.STATEFULSET_REVISION);
        return current != null && podRevision != null && !current.equals(podRevision);
    }

    /** Deletes the pod when it is stuck, with a Normal event on the server saying why. */
    static void replaceIfStuck(DittoServer server, Optional<StatefulSet> statefulSet, Optional<Pod> pod,
            Optional<PodFailures.Failure> failure, KubernetesClient client) {
        if (statefulSet.isEmpty() || pod.isEmpty() || !stuck(statefulSet.get(), pod.get(), failure.isPresent())) {
            return;
        }
        String name = pod.get().getMetadata().getName();
        try {
            client.resource(pod.get()).delete();
        } catch (KubernetesClientException e) {
            LOG.warnf("Could not delete the stuck pod %s/%s (%s); the next pass tries again",
                    server.getMetadata().getNamespace(), name, e.getMessage());
            return;
        }
        EventRecorder.normal(client, server, EventReasons.REPLACED_STUCK_POD, "Deleted pod " + name
                + ", which kept failing (" + failure.get().reason() + ") on the previous revision, so that the "
                + "StatefulSet starts it from the current spec");
    }
}
