package com.dittofs.operator.reconciler;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.MetricsSpec;
import com.dittofs.operator.config.DataPlaneSettings;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The dfs version each server's pod reports (status.dfsVersion). A version belongs to one pod: it is read once per
 * pod (by uid), after a data-plane sync that reached dfs, and a new pod means unknown until it is read again. A
 * failed read leaves the version unknown (or as it was, for the same pod) and is tried again at most once per
 * {@link #RETRY}, so a metrics port the operator cannot reach costs nothing more than that. Nothing here fails the
 * data plane.
 */
final class DfsVersions {

    static final Duration RETRY = Duration.ofMinutes(1);

    /**
     * @param confirmed read from this pod (not carried over from the status after an operator restart)
     * @param triedAt the latest read, or null when none was tried
     */
    private record Known(String podUid, String version, boolean confirmed, Instant triedAt) {
    }

    private final Map<ResourceID, Known> known = new ConcurrentHashMap<>();
    private final BiFunction<URI, String, Optional<String>> reader;
    private final Clock clock;

    /**
     * @param reader the version the dfs behind a metrics URL reports (given the bearer token metrics.bearerTokenSecret
     *     holds, or null), empty when it cannot be read
     */
    DfsVersions(BiFunction<URI, String, Optional<String>> reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Where the server's pod reports its version: the metrics endpoint, on the pod IP or the -metrics Service as the
     * operator reaches the API; empty with metrics off (the version is then unknown).
     */
    static Optional<URI> metricsUri(DittoServer server, Pod pod, DataPlaneSettings.ApiAccess access) {
        if (!MetricsSpec.enabledIn(server.getSpec())) {
            return Optional.empty();
        }
        String host = access == DataPlaneSettings.ApiAccess.SERVICE
                ? Names.metricsService(server) + "." + server.getMetadata().getNamespace() + ".svc"
                : pod == null || pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        return Optional.ofNullable(host)
                .map(h -> URI.create("http://" + h + ":" + server.getSpec().getMetrics().getPort()
                        + MetricsSpec.pathIn(server.getSpec())));
    }

    /**
     * The version to report for the server's pod now: the one read from this pod, or null. The first call after
     * the operator started takes the status's word for the current pod until a read confirms or corrects it, so a
     * restart of the operator does not blank the column.
     */
    String reported(ResourceID server, String podUid, String inStatus) {
        if (podUid == null) {
            return null;
        }
        Known k = known.computeIfAbsent(server, s -> new Known(podUid, inStatus, false, null));
        return podUid.equals(k.podUid()) ? k.version() : null;
    }

    /** Reads the version of the server's pod unless it is known or was tried lately. Runs on a sync lane. */
    void refresh(ResourceID server, String podUid, URI metrics, String bearerToken) {
        if (podUid == null || metrics == null) {
            return;
        }
        Known k = known.get(server);
        boolean samePod = k != null && podUid.equals(k.podUid());
        Instant now = clock.instant();
        if (samePod && (k.confirmed() || k.triedAt() != null && now.isBefore(k.triedAt().plus(RETRY)))) {
            return;
        }
        Optional<String> read = reader.apply(metrics, bearerToken);
        known.put(server, read.map(v -> new Known(podUid, v, true, now))
                .orElseGet(() -> new Known(podUid, samePod ? k.version() : null, false, now)));
    }

    /** The server is gone. */
    void forget(ResourceID server) {
        known.remove(server);
    }
}
