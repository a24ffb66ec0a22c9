package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.dataplane.DesiredDataPlane.DesiredShare;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsEndpoint;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.metrics.SnapshotMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server scaled to replicas 0 takes no snapshots: its snapshot series go, whichever of the reconcile (the status) or
 * the data-plane pass sees it stopped first; another server's series stay. The census itself is
 * {@link SnapshotWatchTest}'s; here the series a census would have set are set directly.
 */
class SnapshotWatchRunnerTest {

    /** Nothing listens there: the census a track starts fails, which leaves the series as they are. */
    private static final DfsEndpoint NOWHERE = new DfsEndpoint(URI.create("http://127.0.0.1:9"), "pw", null);
    private static final List<DesiredShare> SHARES = List.of(new DesiredShare("/team", false, "read-write", false,
            false));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SnapshotWatchRunner runner = new SnapshotWatchRunner();
    private final DfsClientFactory clients = new DfsClientFactory();

    @BeforeEach
    void start() {
        runner.clients = clients;
        runner.meters = new SnapshotMeters(registry);
        runner.start();
    }

    @AfterEach
    void stop() {
        runner.stop();
        clients.close();
    }

    @Test
    void aServerScaledToZeroLosesItsSeriesOnItsNextReconcile() {
        DittoServer files = running("files");
        DittoServer other = running("other");
        runner.showIn(files, new DittoServerStatus());
        assertThat(series("files")).as("both series, as a census set them").isEqualTo(2);
        assertThat(series("other")).isEqualTo(2);

        files.getSpec().setReplicas(0);
        runner.showIn(files, new DittoServerStatus());

        assertThat(series("files")).as("the stopped server's series").isZero();
        assertThat(series("other")).as("a running server's series").isEqualTo(2);
    }

    @Test
    void aServerScaledToZeroLosesItsSeriesOnItsNextDataPlanePass() {
        DittoServer files = running("files");
        files.getSpec().setReplicas(0);
        runner.track(files, NOWHERE, SHARES);

        assertThat(series("files")).as("the stopped server's series").isZero();
    }

    /** A running server the data-plane step tracks, with the series a census of it found. */
    private DittoServer running(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        server.getMetadata().setNamespace("ns");
        server.getSpec().setReplicas(1);
        runner.track(server, NOWHERE, SHARES);
        runner.meters.update("ns", name, List.of(new SnapshotMeters.Share("/team",
                Optional.of(Instant.parse("2026-12-07T04:00:00Z")), Optional.of(Duration.ofHours(1)),
                Optional.empty())));
        return server;
    }

    private long series(String server) {
        return registry.getMeters().stream().filter(m -> server.equals(m.getId().getTag("server"))).count();
    }
}
