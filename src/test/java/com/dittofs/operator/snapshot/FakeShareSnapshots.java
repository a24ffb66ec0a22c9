package com.dittofs.operator.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.ShareSnapshotApi;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.dfsclient.SnapshotAccepted;
import com.dittofs.operator.dfsclient.SnapshotCreate;

/** An in-memory dfs holding the snapshots of one share, counting creates; {@link #failing} makes every call fail. */
final class FakeShareSnapshots implements ShareSnapshotApi {

    final Map<String, Snapshot> byId = new LinkedHashMap<>();
    final List<String> deleted = new ArrayList<>();
    int creates;
    DfsApiException failing;
    private int next = 1;

    @Override
    public List<Snapshot> snapshots(String share) {
        fail();
        return List.copyOf(byId.values());
    }

    @Override
    public Optional<Snapshot> findSnapshot(String share, String id) {
        fail();
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public SnapshotAccepted createSnapshot(String share, SnapshotCreate request) {
        fail();
        creates++;
        String id = "snap-" + next++;
        byId.put(id, snapshot(id, request.name(), Snapshot.CREATING, null));
        return new SnapshotAccepted(id, share);
    }

    @Override
    public void deleteSnapshot(String share, String id) {
        fail();
        deleted.add(id);
        byId.remove(id);
    }

    void finish(String id, String state, String error) {
        Snapshot s = byId.get(id);
        byId.put(id, snapshot(id, s.name(), state, error));
    }

    static Snapshot snapshot(String id, String name, String state, String error) {
        boolean ready = Snapshot.READY.equals(state);
        return new Snapshot(id, name, "/export", state, false, false, ready ? 12L : null, ready ? 4096L : null, error,
                Instant.parse("2026-12-07T04:00:00Z"),
                Instant.parse(Snapshot.CREATING.equals(state) ? "2026-12-07T04:00:00Z" : "2026-12-07T04:00:00.250Z"));
    }

    private void fail() {
        if (failing != null) {
            throw failing;
        }
    }
}
