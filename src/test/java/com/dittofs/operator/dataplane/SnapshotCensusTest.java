package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.dittofs.operator.dataplane.SnapshotCensus.Policy;
import com.dittofs.operator.dataplane.SnapshotCensus.ShareSnapshots;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsErrors;
import com.dittofs.operator.dfsclient.ShareSnapshotApi;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.dfsclient.SnapshotAccepted;
import com.dittofs.operator.dfsclient.SnapshotCreate;
import com.dittofs.operator.dfsclient.SnapshotPolicy;
import org.junit.jupiter.api.Test;

class SnapshotCensusTest {

    static final Instant T = Instant.parse("2026-12-07T04:00:00Z");

    static Snapshot snapshot(String id, String state, boolean scheduled, Instant at) {
        return new Snapshot(id, "n-" + id, "/s", state, false, scheduled, null, null, null, at, at);
    }

    /** dfs's snapshot lists by share; a share it does not have answers 404 (problem+json), as dfs does. */
    static ShareSnapshotApi listing(Map<String, List<Snapshot>> lists) {
        return listing(share -> {
            if (!lists.containsKey(share)) {
                throw DfsErrors.problem(404, "share not found");
            }
            return lists.get(share);
        });
    }

    static ShareSnapshotApi listing(Function<String, List<Snapshot>> lists) {
        return new ShareSnapshotApi() {
            @Override
            public List<Snapshot> snapshots(String share) {
                return lists.apply(share);
            }

            @Override
            public Optional<Snapshot> findSnapshot(String share, String id) {
                throw new UnsupportedOperationException("the census only lists");
            }

            @Override
            public SnapshotAccepted createSnapshot(String share, SnapshotCreate request) {
                throw new UnsupportedOperationException("the census only lists");
            }

            @Override
            public void deleteSnapshot(String share, String id) {
                throw new UnsupportedOperationException("the census only lists");
            }
        };
    }

    static SnapshotPolicy policy(String share, boolean enabled, String interval, Instant created) {
        return new SnapshotPolicy(share, enabled, interval, 0, null, null, null, created);
    }

    @Test
    void theNewestReadySnapshotAndTheEnabledPolicyOfEachShare() {
        FakeSnapshots dfs = new FakeSnapshots();
        dfs.policies.put("/team", policy("/team", true, "1h0m0s", T.minusSeconds(7200)));
        dfs.policies.put("/paused", policy("/paused", false, "6h0m0s", T));
        dfs.policies.put("/byhand", policy("/byhand", true, "24h0m0s", T));
        Map<String, List<Snapshot>> lists = Map.of(
                "/team", List.of(snapshot("c", "creating", true, T), snapshot("f", "failed", true, T.minusSeconds(60)),
                        snapshot("r1", "ready", true, T.minusSeconds(3600)),
                        snapshot("r0", "ready", false, T.minusSeconds(7000))),
                "/paused", List.of(snapshot("p", "ready", false, T.minusSeconds(10))),
                "/manual", List.of(snapshot("m", "ready", false, T.minusSeconds(5))),
                "/byhand", List.of(), "/empty", List.of());

        var census = SnapshotCensus.take(dfs, listing(lists), List.of("/team", "/paused", "/manual", "/empty",
                "/not-made-yet"));

        assertThat(census.keySet()).as("shares with neither a ready snapshot nor an enabled policy are left out")
                .containsExactly("/byhand", "/manual", "/paused", "/team");
        assertThat(census.get("/team").latest()).map(Snapshot::id).contains("r1");
        assertThat(census.get("/team").policy()).contains(new Policy(Duration.ofHours(1), T.minusSeconds(7200)));
        assertThat(census.get("/paused").policy()).as("a disabled policy is not due").isEmpty();
        assertThat(census.get("/paused").latest()).map(Snapshot::id).contains("p");
        assertThat(census.get("/manual").policy()).isEmpty();
        assertThat(census.get("/byhand").latest()).as("a policy made by hand, never run").isEmpty();
        assertThat(census.get("/byhand").policy()).map(Policy::interval).contains(Duration.ofDays(1));
    }

    @Test
    void aShareDfsDoesNotHaveYetHasNoSnapshotsAnyOtherFailureFailsTheCensus() {
        FakeSnapshots dfs = new FakeSnapshots();
        assertThat(SnapshotCensus.take(dfs, listing(Map.of()), List.of("/new"))).as("404 problem: no such share")
                .isEmpty();
        for (DfsApiException failure : List.of(DfsErrors.http(404, "404 page not found"), DfsErrors.http(503, "down"),
                DfsErrors.problem(500, "list failed"))) {
            ShareSnapshotApi failing = listing(share -> {
                throw failure;
            });
            assertThatThrownBy(() -> SnapshotCensus.take(dfs, failing, List.of("/team"))).as(failure.getMessage())
                    .isSameAs(failure);
        }
    }

    @Test
    void cadenceIsHalfTheShortestIntervalBetweenOneAndFifteenMinutes() {
        assertThat(SnapshotCensus.cadence(List.of())).isEqualTo(Duration.ofMinutes(15));
        assertThat(SnapshotCensus.cadence(List.of(share(Duration.ofMinutes(1))))).isEqualTo(Duration.ofMinutes(1));
        assertThat(SnapshotCensus.cadence(List.of(share(Duration.ofMinutes(10)), share(Duration.ofHours(6)))))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(SnapshotCensus.cadence(List.of(share(Duration.ofHours(6))))).isEqualTo(Duration.ofMinutes(15));
        assertThat(SnapshotCensus.cadence(List.of(new ShareSnapshots("/x", Optional.empty(), Optional.empty()))))
                .isEqualTo(Duration.ofMinutes(15));
    }

    private static ShareSnapshots share(Duration interval) {
        return new ShareSnapshots("/s" + interval, Optional.empty(), Optional.of(new Policy(interval, T)));
    }
}
