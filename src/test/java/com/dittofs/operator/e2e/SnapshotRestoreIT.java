package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dittofs.operator.api.v1alpha1.AccessLevel;
import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotRestore;
import com.dittofs.operator.api.v1alpha1.RestorePhase;
import com.dittofs.operator.api.v1alpha1.ShareGrant;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.api.v1alpha1.SnapshotReference;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreSpec;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * DittoSnapshotRestore against the real dfs (issue #21): files written over NFS, a snapshot taken, files changed and
 * deleted, the restore applied; the original content reads back over NFS and over SMB, a second apply of the same
 * object does nothing, and a server with two shares on its metadata store is refused without acknowledgeAllShares.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotRestoreIT extends E2E {

    private static final String NAME = "restored";
    private static final String PASSWORD = "alice-restore-password";
    /** NFS writes come as alice's UID (AUTH_SYS), so that she owns the files she changes and deletes over SMB. */
    private static final int ALICE_UID = 1001;
    private static final Duration SNAPSHOT_READY = Duration.ofSeconds(60);
    private static DfsRest rest;
    private static Path dir;

    @BeforeAll
    static void aServerWithAnSmbUser() throws Exception {
        admin.resource(new SecretBuilder().withNewMetadata().withName("alice-password").withNamespace(namespace)
                .endMetadata().withStringData(Map.of("password", PASSWORD)).build()).create();
        DittoServer server = (DittoServer) com.dittofs.operator.fixtures.Fixtures
                .sampleObjects("dittofs_v1alpha1_dittoserver.yaml").stream().filter(DittoServer.class::isInstance)
                .findFirst().orElseThrow();
        server.getMetadata().setName(NAME);
        server.getMetadata().setNamespace(namespace);
        UserSpec alice = new UserSpec();
        alice.setName("alice");
        alice.setPasswordSecretRef(new SecretKeySelector("password", "alice-password", false));
        alice.setUid((long) ALICE_UID);
        alice.setGid((long) ALICE_UID);
        server.getSpec().setUsers(List.of(alice));
        server.getSpec().setShares(new ArrayList<>(List.of(export())));
        create(server);
        runDfs(NAME);
        awaitReady(NAME);
        rest = DfsRest.asAdmin(admin, namespace, NAME, dfs);
        dir = Files.createTempDirectory("restore");
    }

    @Test
    @Order(1)
    void aRestoreBringsBackTheOriginalFilesOverNfsAndSmb() throws Exception {
        String kept = "kept-" + UUID.randomUUID() + ".txt";
        String doomed = "doomed-" + UUID.randomUUID() + ".txt";
        String later = "later-" + UUID.randomUUID() + ".txt";
        nfsWrite(kept, "the original of kept\n");
        nfsWrite(doomed, "the original of doomed\n");
        String id = snapshot("/export");

        Files.writeString(dir.resolve("changed.txt"), "changed after the snapshot\n");
        var changes = SmbClient.run("/export", "alice", PASSWORD, dir, "put changed.txt " + kept + "; del " + doomed);
        assertThat(changes.ok()).as(changes.output()).isTrue();
        nfsWrite(later, "written after the snapshot\n");
        assertThat(nfsCat(kept).output()).contains("changed after the snapshot");

        long started = System.nanoTime();
        admin.resource(restore("back", id, false)).create();
        await().atMost(TIMEOUT).until(() -> phase("back") == RestorePhase.Succeeded
                || phase("back") == RestorePhase.Failed);
        System.out.printf("restore Succeeded within %d ms of being applied%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        DittoSnapshotRestore done = restores().withName("back").get();
        assertThat(done.getStatus().getPhase()).as(done.getStatus().getConditions().toString())
                .isEqualTo(RestorePhase.Succeeded);
        assertThat(done.getStatus().getSnapshotId()).isEqualTo(id);
        assertThat(done.getStatus().getSafetySnapshotId()).isNotBlank().isNotEqualTo(id);
        assertThat(done.getStatus().getRestoredShares()).containsExactly("/export");
        assertThat(done.getStatus().getStartedAt()).isNotBlank();
        assertThat(done.getStatus().getCompletedAt()).isNotBlank();
        assertThat(done.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo(ConditionTypes.RESTORED);
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getMessage()).contains(done.getStatus().getSafetySnapshotId());
        });
        assertThat(rest.share("/export").path("enabled").asBoolean(false)).as("enabled again").isTrue();

        assertThat(nfsCat(kept).output()).contains("the original of kept").doesNotContain("changed");
        assertThat(nfsCat(doomed).output()).contains("the original of doomed");
        assertThat(nfsCat(later).exitCode()).as("written after the snapshot: gone").isNotZero();
        var read = SmbClient.run("/export", "alice", PASSWORD, dir, "get " + kept + " smb-kept.txt; get " + doomed
                + " smb-doomed.txt");
        assertThat(read.ok()).as(read.output()).isTrue();
        assertThat(Files.readString(dir.resolve("smb-kept.txt"))).isEqualTo("the original of kept\n");
        assertThat(Files.readString(dir.resolve("smb-doomed.txt"))).isEqualTo("the original of doomed\n");
        await().atMost(TIMEOUT).until(() -> conditionIs(NAME, "DataPlaneReady", "True"));

        // the same object applied again (kubectl apply of the same file): nothing runs again
        String completed = done.getStatus().getCompletedAt();
        nfsWrite(later, "written after the restore\n");
        admin.resource(restore("back", id, false)).forceConflicts().serverSideApply();
        restores().withName("back").edit(r -> {
            r.getMetadata().setLabels(Map.of("applied", "again"));
            return r;
        });
        // it stays done: same completion, same safety snapshot, and the file written since is not rolled back
        await("the finished restore stays as it is").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    DittoSnapshotRestore again = restores().withName("back").get();
                    return again.getStatus().getPhase() == RestorePhase.Succeeded
                            && completed.equals(again.getStatus().getCompletedAt())
                            && done.getStatus().getSafetySnapshotId().equals(again.getStatus().getSafetySnapshotId());
                });
        assertThat(nfsCat(later).output()).as("not rolled back a second time").contains("written after the restore");
    }

    @Test
    @Order(2)
    void twoSharesOnTheStoreAreRefusedWithoutAcknowledgeAllShares() {
        ShareSpec scratch = new ShareSpec();
        scratch.setName("/scratch");
        edit(NAME, s -> s.getSpec().setShares(new ArrayList<>(List.of(export(), scratch))));
        await().atMost(TIMEOUT).until(() -> rest.shareNames().contains("/scratch"));
        String id = snapshot("/export");

        admin.resource(restore("refused", id, false)).create();
        await().atMost(TIMEOUT).until(() -> phase("refused") == RestorePhase.Failed);
        DittoSnapshotRestore refused = restores().withName("refused").get();
        assertThat(refused.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo(ConditionTypes.REASON_ALL_SHARES_NOT_ACKNOWLEDGED);
            assertThat(c.getMessage()).contains("(/export, /scratch)").contains("acknowledgeAllShares: true");
        });
        assertThat(refused.getStatus().getStartedAt()).as("never started").isNull();
        assertThat(rest.share("/export").path("enabled").asBoolean(false)).isTrue();
        assertThat(rest.share("/scratch").path("enabled").asBoolean(false)).isTrue();
    }

    private static ShareSpec export() {
        ShareSpec export = new ShareSpec();
        export.setName("/export");
        ShareGrant grant = new ShareGrant();
        grant.setUser("alice");
        grant.setLevel(AccessLevel.READ_WRITE);
        export.setGrants(List.of(grant));
        return export;
    }

    private static String snapshot(String share) {
        String id = rest.createSnapshot(share);
        await("snapshot " + id + " ready").atMost(SNAPSHOT_READY).pollInterval(Duration.ofMillis(200))
                .failFast("snapshot failed", () -> "failed".equals(rest.snapshot(share, id).path("state").asText()))
                .until(() -> "ready".equals(rest.snapshot(share, id).path("state").asText()));
        return id;
    }

    private static DittoSnapshotRestore restore(String name, String id, boolean acknowledgeAllShares) {
        DittoSnapshotRestore restore = new DittoSnapshotRestore();
        restore.getMetadata().setName(name);
        restore.getMetadata().setNamespace(namespace);
        SnapshotRestoreSpec spec = new SnapshotRestoreSpec();
        spec.setServer(NAME);
        spec.setShare("/export");
        SnapshotReference ref = new SnapshotReference();
        ref.setId(id);
        spec.setSnapshot(ref);
        spec.setAllowNonDurable(true); // no spec.s3: the snapshot is on the server's own volume only
        spec.setAcknowledgeAllShares(acknowledgeAllShares);
        restore.setSpec(spec);
        return restore;
    }

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<DittoSnapshotRestore,
            io.fabric8.kubernetes.api.model.KubernetesResourceList<DittoSnapshotRestore>,
            io.fabric8.kubernetes.client.dsl.Resource<DittoSnapshotRestore>> restores() {
        return admin.resources(DittoSnapshotRestore.class).inNamespace(namespace);
    }

    private static RestorePhase phase(String name) {
        DittoSnapshotRestore restore = restores().withName(name).get();
        return restore == null || restore.getStatus() == null ? null : restore.getStatus().getPhase();
    }

    private static String url(String file) {
        return "nfs://127.0.0.1/export/" + file + "?version=3&nfsport=" + Ports.NFS_CONTAINER + "&mountport="
                + Ports.NFS_CONTAINER + "&uid=" + ALICE_UID + "&gid=" + ALICE_UID;
    }

    private static void nfsWrite(String file, String content) throws Exception {
        Path local = Files.writeString(Files.createTempFile(dir, "nfs", ".txt"), content);
        var copy = ControlPlane.exec(List.of("nfs-cp", local.toString(), url(file)), 60);
        assertThat(copy.exitCode()).as(copy.output()).isZero();
    }

    private static ControlPlane.Result nfsCat(String file) {
        return ControlPlane.exec(List.of("nfs-cat", url(file)), 60);
    }
}
