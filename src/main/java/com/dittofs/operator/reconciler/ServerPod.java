package com.dittofs.operator.reconciler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jboss.logging.Logger;

/**
 * Reads the server pod while it is not ready, to say why it keeps failing ({@link PodFailures}). No informer: the
 * pod is read with a GET only while the server waits for it, and the reconciler looks again every
 * {@link #RECHECK} meanwhile (a crash loop changes nothing the StatefulSet's status reports).
 */
final class ServerPod {

    private static final Logger LOG = Logger.getLogger(ServerPod.class);
    /** How often a server waiting for its pod looks at the pod again. */
    static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(20);

    private ServerPod() {
    }

    /** Whether the server should run a pod and none is ready: the pod is worth a look, now and again later. */
    static boolean awaited(DittoServer server, Optional<StatefulSet> statefulSet) {
        return server.getSpec().getReplicas() > 0 && statefulSet.isPresent()
                && StatusAggregator.readyReplicas(statefulSet) == 0
                && server.getMetadata().getDeletionTimestamp() == null;
    }

    /** The server pod while it is awaited ({@link #awaited}); empty otherwise, when it is not there, or unreadable. */
    static Optional<Pod> awaitedPod(DittoServer server, Optional<StatefulSet> statefulSet, KubernetesClient client) {
        if (!awaited(server, statefulSet)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(client.pods().inNamespace(server.getMetadata().getNamespace())
                    .withName(Names.serverPod(server)).get());
        } catch (KubernetesClientException e) {
            LOG.debugf("Pod of DittoServer %s/%s not readable (%s): the status waits for it without saying why",
                    server.getMetadata().getNamespace(), server.getMetadata().getName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Why the awaited pod keeps failing; empty when there is none or it is fine so far. */
    static Optional<PodFailures.Failure> failure(DittoServer server, Optional<Pod> awaitedPod, PodInputs inputs) {
        return awaitedPod.flatMap(pod -> PodFailures.of(server, pod, secretValues(inputs)));
    }

    /** The plain values of the Secret keys the pod references: never repeated into the status from a log. */
    private static List<String> secretValues(PodInputs inputs) {
        return inputs.secrets().resolved().stream()
                .map(r -> r.value() == null ? null : new String(Base64.getDecoder().decode(r.value()),
                        StandardCharsets.UTF_8))
                .toList();
    }
}
