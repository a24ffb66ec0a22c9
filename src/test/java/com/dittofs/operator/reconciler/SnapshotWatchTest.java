package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.dittofs.operator.dataplane.SnapshotCensus.Policy;
import com.dittofs.operator.dataplane.SnapshotCensus.ShareSnapshots;
import com.dittofs.operator.dfsclient.DfsEndpoint;
import com.dittofs.operator.dfsclient.DfsErrors;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.metrics.SnapshotMeters;
import com.dittofs.operator.testing.FakeClock;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The census of a server's snapshots: its cadence, the meters it sets, and when it asks for a reconcile. */
class SnapshotWatchTest {

    static final ResourceID SERVER = new ResourceID("files", "ns");
    static final DfsEndpoint TARGET = new DfsEndpoint(URI.create("http://dfs:8080"), "pw", null);

    final FakeClock clock = new FakeClock(Instant.parse("2026-12-07T04:00:00Z"));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<ResourceID> reconciles = new ArrayList<>();
    final List<List<String>> censuses = new ArrayList<>();
    SortedMap<String, ShareSnapshots> dfs = new TreeMap<>();
    RuntimeException failure;

    final SnapshotWatch watch = new SnapshotWatch(Runnable::run, (target, shares) -> {
        censuses.add(shares);
        if (failure != null) {
            throw failure;
        }
        return new TreeMap<>(dfs);
    }, new SnapshotMeters(registry), reconciles::add, clock);

    void snapshot(String share, String id, Duration interval) {
        dfs.put(share, new ShareSnapshots(share, Optional.ofNullable(id).map(i -> new Snapshot(i, null, share,
                Snapshot.READY, false, true, null, null, null, clock.instant(), clock.instant())), Optional.ofNullable(interval).map(d -> new Policy(d,
                        clock.instant()))));
    }

    @Test
    void aOneMinutePolicyIsLookedAtOnceAMinute() {
        snapshot("/team", null, Duration.ofMinutes(1));
        watch.track(SERVER, TARGET, List.of("/team"), "spec");
        assertThat(censuses).as("the first census at once").hasSize(1);
        assertThat(registry.find(SnapshotMeters.INTERVAL).gauge().value()).isEqualTo(60);

        clock.advance(Duration.ofSeconds(50));
        watch.tick();
        watch.track(SERVER, TARGET, List.of("/team"), "spec"); // a reconcile
        assertThat(censuses).as("not before its cadence, whatever reconciles").hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        watch.tick();
        assertThat(censuses).hasSize(2);
    }

    @Test
    void aPolicyTheSyncMadeAfterTheEditsCensusIsExportedAtOnceNotACadenceLater() {
        watch.track(SERVER, TARGET, List.of("/team"), "spec");
        clock.advance(Duration.ofSeconds(30));
        watch.track(SERVER, TARGET, List.of("/team"), "spec with a policy"); // the edit: its census finds no policy
        assertThat(censuses).hasSize(2);
        assertThat(registry.find(SnapshotMeters.INTERVAL).gauge()).as("dfs has no policy yet").isNull();

        snapshot("/team", null, Duration.ofMinutes(1)); // the sync made it
        watch.changed(SERVER);
        assertThat(censuses).as("a census at once, not in fifteen minutes").hasSize(3);
        assertThat(registry.find(SnapshotMeters.INTERVAL).gauge().value()).isEqualTo(60);

        watch.changed(new ResourceID("other", "ns")); // a server not watched: nothing to look at
        assertThat(censuses).hasSize(3);
    }

    @Test
    void aSharesFirstSnapshotAsksForAReconcileAtOnceLaterOnesAtMostEveryFiveMinutes() {
        snapshot("/team", null, Duration.ofMinutes(1));
        watch.track(SERVER, TARGET, List.of("/team"), "spec");
        watch.shown(SERVER, Map.of());
        assertThat(reconciles).as("nothing new").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        snapshot("/team", "s1", Duration.ofMinutes(1));
        watch.tick();
        assertThat(reconciles).containsExactly(SERVER);
        assertThat(watch.census(SERVER).orElseThrow().get("/team").latest()).map(Snapshot::id).contains("s1");
        watch.shown(SERVER, Map.of("/team", "s1")); // the reconcile wrote it

        clock.advance(Duration.ofMinutes(1));
        snapshot("/team", "s2", Duration.ofMinutes(1));
        watch.tick();
        assertThat(reconciles).as("a newer snapshot waits for the next drift check").hasSize(1);
        clock.advance(Duration.ofMinutes(4));
        watch.tick();
        assertThat(reconciles).hasSize(2);
    }

    @Test
    void aChangedSpecIsLookedAtAtOnce() {
        snapshot("/team", "s1", Duration.ofHours(6));
        watch.track(SERVER, TARGET, List.of("/team"), "spec");
        dfs.clear(); // the policy removed, and with it the share's snapshots
        watch.track(SERVER, TARGET, List.of("/team"), "spec");
        assertThat(censuses).as("the same spec waits for the cadence").hasSize(1);
        watch.track(SERVER, TARGET, List.of("/team"), "edited spec");
        assertThat(censuses).hasSize(2);
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void sharesNotDeclaredAreMeasuredButNeverAskForAStatusWrite() {
        snapshot("/byhand", "h1", Duration.ofHours(1));
        watch.track(SERVER, TARGET, List.of("/team"), "spec");
        watch.shown(SERVER, Map.of());
        clock.advance(Duration.ofMinutes(30));
        watch.tick();
        assertThat(reconciles).isEmpty();
        assertThat(registry.find(SnapshotMeters.LAST).tag("share", "/byhand").gauge()).isNotNull();
    }

    @Test
    void aFailedCensusKeepsTheLastValuesAndAForgottenServerLosesItsSeries() {
        snapshot("/team", "s1", Duration.ofHours(6));
        watch.track(SERVER, TARGET, List.of("/team"), "spec");
        failure = DfsErrors.http(503, "down");
        clock.advance(Duration.ofMinutes(15));
        watch.tick();
        assertThat(censuses).hasSize(2);
        assertThat(registry.find(SnapshotMeters.LAST).gauges()).hasSize(1);

        watch.forget(SERVER);
        assertThat(registry.getMeters()).isEmpty();
        assertThat(watch.census(SERVER)).isEmpty();
        clock.advance(Duration.ofHours(1));
        watch.tick();
        assertThat(censuses).as("no census of a forgotten server").hasSize(2);
    }
}
