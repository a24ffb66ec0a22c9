package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotSpec;
import com.dittofs.operator.api.v1alpha1.SnapshotDeletionPolicy;
import com.dittofs.operator.api.v1alpha1.SnapshotPhase;
import com.dittofs.operator.events.EventReasons;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * DittoSnapshots against the real dfs: each reaches Ready with one dfs snapshot that dfs lists; Delete removes it
 * from dfs with the resource, Retain keeps it; an unreachable dfs holds the finalizer only for the bounded wait
 * (20 s here, {@link SnapshotsRealDfs}) and a deleted server not at all.
 */
@QuarkusIntegrationTest
@TestProfile(SnapshotsRealDfs.class)
class DittoSnapshotIT extends E2E {

    @Test
    void snapshotsAreTakenOnceAndTheirDeletionPolicyIsHonouredWithinTheBound() {
        DittoServer server = applySample("dittofs_v1alpha1_dittoserver.yaml");
        String name = server.getMetadata().getName();
        runDfs(name);
        awaitReady(name);
        DfsRest client = DfsRest.asAdmin(admin, namespace, name, dfs);

        long asked = System.nanoTime();
        for (String snapshot : List.of("dropped", "kept", "late", "orphan")) {
            create(snapshot, name, snapshot.equals("kept") ? SnapshotDeletionPolicy.Retain
                    : SnapshotDeletionPolicy.Delete);
        }
        await().atMost(TIMEOUT).until(() -> List.of("dropped", "kept", "late", "orphan").stream()
                .map(DittoSnapshotIT::snapshot)
                .allMatch(s -> s.getStatus() != null && s.getStatus().getPhase() == SnapshotPhase.Ready));
        System.out.printf("4 DittoSnapshots Ready %d ms after they were created%n",
                Duration.ofNanos(System.nanoTime() - asked).toMillis());
        DittoSnapshot dropped = snapshot("dropped");
        assertThat(dropped.getStatus().getSnapshotId()).isNotBlank();
        assertThat(dropped.getStatus().getDurationSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(dropped.getStatus().getSizeBytes()).isPositive();
        assertThat(dropped.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason())
                .isEqualTo("SnapshotReady"));
        System.out.printf("dfs took %.3f s for a snapshot of /export (dump %d bytes)%n",
                dropped.getStatus().getDurationSeconds(), dropped.getStatus().getSizeBytes());
        assertThat(dfsIds(client)).as("one dfs snapshot per DittoSnapshot, each listed by dfs")
                .containsExactlyInAnyOrder(id("dropped"), id("kept"), id("late"), id("orphan"));

        String keptId = id("kept");
        String droppedId = id("dropped");
        snapshots().withName("dropped").delete();
        snapshots().withName("kept").delete();
        await().atMost(TIMEOUT).until(() -> snapshots().withName("dropped").get() == null
                && snapshots().withName("kept").get() == null);
        assertThat(dfsIds(client)).as("Delete removed its snapshot, Retain kept its own").contains(keptId)
                .doesNotContain(droppedId);

        String lateId = id("late");
        dfs.close(); // dfs unreachable: the finalizer holds only for the bounded wait
        long deleted = System.nanoTime();
        snapshots().withName("late").delete();
        await().atMost(TIMEOUT).until(() -> snapshots().withName("late").get() == null);
        Duration held = Duration.ofNanos(System.nanoTime() - deleted);
        System.out.printf("finalizer of an unreachable dfs released after %d s (bound %s)%n", held.toSeconds(),
                SnapshotsRealDfs.DELETION_TIMEOUT);
        assertThat(held).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(warningsAbout("late")).anySatisfy(message -> assertThat(message).contains(lateId));

        servers().inNamespace(namespace).withName(name).delete();
        await().atMost(TIMEOUT).until(() -> servers().inNamespace(namespace).withName(name).get() == null);
        long orphaned = System.nanoTime();
        snapshots().withName("orphan").delete();
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshots().withName("orphan").get() == null);
        System.out.printf("finalizer of a snapshot whose server is gone released after %d ms%n",
                Duration.ofNanos(System.nanoTime() - orphaned).toMillis());
        // released because the server is gone, not because the bound ran out (that would be a SnapshotLeftBehind)
        assertThat(warningsAbout("orphan")).isEmpty();
        assertThat(eventsAbout("orphan", EventReasons.SNAPSHOT_RETAINED)).singleElement()
                .satisfies(message -> assertThat(message).contains(name));
    }

    private static void create(String name, String server, SnapshotDeletionPolicy policy) {
        DittoSnapshot snapshot = new DittoSnapshot();
        snapshot.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        DittoSnapshotSpec spec = new DittoSnapshotSpec();
        spec.setServer(server);
        spec.setShare("/export");
        spec.setDeletionPolicy(policy);
        snapshot.setSpec(spec);
        snapshots().resource(snapshot).create();
    }

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<DittoSnapshot,
            io.fabric8.kubernetes.api.model.KubernetesResourceList<DittoSnapshot>,
            io.fabric8.kubernetes.client.dsl.Resource<DittoSnapshot>> snapshots() {
        return admin.resources(DittoSnapshot.class).inNamespace(namespace);
    }

    private static DittoSnapshot snapshot(String name) {
        return snapshots().withName(name).get();
    }

    private static String id(String name) {
        return snapshot(name).getStatus().getSnapshotId();
    }

    private static List<String> dfsIds(DfsRest client) {
        List<String> ids = new ArrayList<>();
        client.snapshots("/export").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    private static List<String> warningsAbout(String snapshot) {
        return eventsAbout(snapshot, EventReasons.SNAPSHOT_LEFT_BEHIND);
    }

    private static List<String> eventsAbout(String snapshot, String reason) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> snapshot.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
                .map(io.fabric8.kubernetes.api.model.Event::getMessage).toList();
    }
}
