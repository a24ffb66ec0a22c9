package com.dittofs.operator.reconciler;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.ShareSnapshotStatus;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.dataplane.SnapshotCensus.ShareSnapshots;
import com.dittofs.operator.dfsclient.Snapshot;

/**
 * status.shares[].lastSnapshot: the newest ready snapshot of each listed share, as the latest census found it; before
 * the first census since the operator started, what the status already said (so a restart writes nothing). Pure.
 */
final class LastSnapshots {

    private LastSnapshots() {
    }

    static void apply(DittoServer server, DittoServerStatus status,
            Optional<SortedMap<String, ShareSnapshots>> census) {
        if (status.getShares() == null) {
            return;
        }
        Map<String, ShareSnapshotStatus> before = new HashMap<>();
        if (server.getStatus() != null && server.getStatus().getShares() != null) {
            server.getStatus().getShares().stream().filter(s -> s.getLastSnapshot() != null)
                    .forEach(s -> before.put(s.getName(), s.getLastSnapshot()));
        }
        status.setShares(status.getShares().stream().map(s -> {
            // copies: the statuses may be the ones of the current object, which must stay as read
            ShareStatus copy = StatusWrites.copyOf(s, ShareStatus.class);
            copy.setLastSnapshot(census.isEmpty() ? before.get(s.getName())
                    : Optional.ofNullable(census.get().get(s.getName())).flatMap(ShareSnapshots::latest)
                            .map(LastSnapshots::entry).orElse(null));
            return copy;
        }).toList());
    }

    /** The newest snapshot id per share in a status (what a census is compared with). */
    static Map<String, String> ids(DittoServerStatus status) {
        Map<String, String> ids = new HashMap<>();
        if (status != null && status.getShares() != null) {
            status.getShares().stream().filter(s -> s.getLastSnapshot() != null)
                    .forEach(s -> ids.put(s.getName(), s.getLastSnapshot().getId()));
        }
        return ids;
    }

    static ShareSnapshotStatus entry(Snapshot snapshot) {
        return new ShareSnapshotStatus(snapshot.id(), snapshot.name() == null || snapshot.name().isEmpty() ? null
                : snapshot.name(), DateTimeFormatter.ISO_INSTANT.format(snapshot.createdAt()
                        .truncatedTo(ChronoUnit.SECONDS)), snapshot.scheduled());
    }
}
