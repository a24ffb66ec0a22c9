package com.dittofs.operator.snapshot;

import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotSpec;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotStatus;
import com.dittofs.operator.api.v1alpha1.SnapshotDeletionPolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** DittoSnapshots for the unit tests. */
final class Snapshots {

    static final String UID = "0b6f3a52-5b8e-4f0c-9a4e-2f1d8c7e6a10";

    private Snapshots() {
    }

    static DittoSnapshot of(SnapshotDeletionPolicy policy, String id) {
        DittoSnapshot snapshot = new DittoSnapshot();
        snapshot.setMetadata(new ObjectMetaBuilder().withName("nightly").withNamespace("team").withUid(UID)
                .withGeneration(1L).build());
        DittoSnapshotSpec spec = new DittoSnapshotSpec();
        spec.setServer("files");
        spec.setShare("/export");
        spec.setDeletionPolicy(policy);
        snapshot.setSpec(spec);
        if (id != null) {
            DittoSnapshotStatus status = new DittoSnapshotStatus();
            status.setSnapshotId(id);
            snapshot.setStatus(status);
        }
        return snapshot;
    }

    static DittoSnapshot deletedAt(DittoSnapshot snapshot, Instant at) {
        snapshot.getMetadata().setDeletionTimestamp(at.toString());
        return snapshot;
    }
}
