package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.ShareSnapshotStatus;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.dataplane.SnapshotCensus.Policy;
import com.dittofs.operator.dataplane.SnapshotCensus.ShareSnapshots;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class LastSnapshotsTest {

    static final Instant TAKEN = Instant.parse("2026-12-07T04:00:00.734Z");

    static SortedMap<String, ShareSnapshots> census(String share, String id, boolean scheduled) {
        SortedMap<String, ShareSnapshots> census = new TreeMap<>();
        census.put(share, new ShareSnapshots(share, Optional.of(new Snapshot(id, "team-20261207-040000",
                share, Snapshot.READY, false, scheduled, null, null, null, TAKEN, TAKEN)), Optional.of(new Policy(Duration.ofHours(6), TAKEN))));
        return census;
    }

    static DittoServerStatus computed() {
        DittoServerStatus status = new DittoServerStatus();
        status.setShares(List.of(new ShareStatus("/team", true, "ok"), new ShareStatus("/scratch", true, "ok")));
        return status;
    }

    @Test
    void eachShareShowsItsNewestSnapshotFromTheCensus() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus status = computed();
        LastSnapshots.apply(server, status, Optional.of(census("/team", "s1", true)));

        ShareSnapshotStatus last = status.getShares().get(0).getLastSnapshot();
        assertThat(last.getId()).isEqualTo("s1");
        assertThat(last.getName()).isEqualTo("team-20261207-040000");
        assertThat(last.getTakenAt()).isEqualTo("2026-12-07T04:00:00Z");
        assertThat(last.getScheduled()).isTrue();
        assertThat(status.getShares().get(1).getLastSnapshot()).as("a share without snapshots").isNull();
        assertThat(LastSnapshots.ids(status)).isEqualTo(Map.of("/team", "s1"));
    }

    @Test
    void anUnchangedCensusWritesNothingAndANewSnapshotDoes() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus first = computed();
        LastSnapshots.apply(server, first, Optional.of(census("/team", "s1", true)));
        server.setStatus(first);

        DittoServerStatus again = computed(); // a sync's fresh shares carry no lastSnapshot
        LastSnapshots.apply(server, again, Optional.of(census("/team", "s1", true)));
        assertThat(StatusWrites.worthWriting(server.getStatus(), again)).isFalse();

        DittoServerStatus newer = computed();
        LastSnapshots.apply(server, newer, Optional.of(census("/team", "s2", true)));
        assertThat(StatusWrites.worthWriting(server.getStatus(), newer)).isTrue();
    }

    @Test
    void beforeTheFirstCensusTheStatusKeepsWhatItSaid() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus before = computed();
        LastSnapshots.apply(server, before, Optional.of(census("/team", "s1", false)));
        server.setStatus(before);

        DittoServerStatus afterRestart = computed();
        LastSnapshots.apply(server, afterRestart, Optional.empty());
        assertThat(afterRestart.getShares().get(0).getLastSnapshot().getId()).isEqualTo("s1");
        assertThat(StatusWrites.worthWriting(server.getStatus(), afterRestart)).isFalse();
        assertThat(before.getShares().get(0).getLastSnapshot().getScheduled()).isFalse();
    }

    @Test
    void aDeletedSnapshotLeavesTheShareWithoutOne() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus before = computed();
        LastSnapshots.apply(server, before, Optional.of(census("/team", "s1", true)));
        server.setStatus(before);

        DittoServerStatus after = computed();
        LastSnapshots.apply(server, after, Optional.of(new TreeMap<>()));
        assertThat(after.getShares()).allSatisfy(s -> assertThat(s.getLastSnapshot()).isNull());
    }
}
