package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick start for real: the basic sample, with the real dfs running for its pod, becomes Ready with /export
 * created by the operator, and a file written over NFS reads back. Then the declared shares are kept as declared,
 * drift is undone, and dfs stopped and started again is found again. One server and one dfs for the class; each
 * test leaves it converged, in no particular order.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class DataPlaneIT extends E2E {

    private static String name;
    private static DfsRest client;

    private static DfsRest dfsAsAdmin(String server) {
        return DfsRest.asAdmin(admin, namespace, server, dfs);
    }

    /** One server for the class (a real dfs is the expensive part); each test leaves it converged. */
    @BeforeAll
    static void basicSampleWithItsDfs() {
        DittoServer server = applySample("dittofs_v1alpha1_dittoserver.yaml");
        name = server.getMetadata().getName();
        runDfs(name);
        awaitReady(name);
        client = dfsAsAdmin(name);
    }

    @Test
    void theBasicSampleConvergesWithItsExport() {
        assertThat(condition(name, "DataPlaneReady")).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("Converged"));
        assertThat(get(name).getStatus().getShares()).extracting(ShareStatus::getName, ShareStatus::getReady)
                .contains(org.assertj.core.groups.Tuple.tuple("/export", true));
        assertThat(client.shareNames()).contains("/export");
        assertThat(client.share("/export").path("default_permission").asText()).isEqualTo("read-write");
    }

    /** A client mounts /export and writes; the data reads back. */
    @Test
    void aFileWrittenOverNfsReadsBack() throws Exception {
        Path local = Files.createTempFile("hello", ".txt");
        String content = "hello from " + UUID.randomUUID();
        Files.writeString(local, content);
        // nfs-cp creates exclusively: a fresh name per run
        String url = "nfs://127.0.0.1/export/hello-" + UUID.randomUUID() + ".txt?version=3&nfsport=12049&mountport=12049";
        var copy = ControlPlane.exec(List.of("nfs-cp", local.toString(), url), 60);
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        var read = ControlPlane.exec(List.of("nfs-cat", url), 60);
        assertThat(read.output()).contains(content);
    }

    /**
     * A share created by hand is left alone; one added to the spec is created; one removed from the spec stays, named
     * in DataPlaneReady; ensure: absent deletes, the hand-made one too.
     */
    @Test
    void sharesFollowTheSpecAndOnlyEnsureAbsentDeletes() {
        client.createShare("/byhand", "dittofs-metadata", "dittofs-local");
        edit(name, s -> {
            ShareSpec scratch = new ShareSpec();
            scratch.setName("/scratch");
            scratch.setReadOnly(true);
            s.getSpec().setShares(new java.util.ArrayList<>(List.of(s.getSpec().getShares().get(0), scratch)));
        });
        await().atMost(TIMEOUT).until(() -> client.shareNames().contains("/scratch"));
        assertThat(client.share("/scratch").path("read_only").asBoolean()).isTrue();
        await().atMost(TIMEOUT).until(() -> get(name).getStatus().getManagedShares() != null
                && get(name).getStatus().getManagedShares().contains("/scratch"));

        edit(name, s -> s.getSpec().setShares(List.of(s.getSpec().getShares().get(0))));
        await().atMost(TIMEOUT).until(() -> condition(name, "DataPlaneReady").map(c -> "True".equals(c.getStatus())
                && c.getMessage().contains("no longer declared and left in dfs: share /scratch")).orElse(false));
        assertThat(client.shareNames()).containsExactly("/byhand", "/export", "/scratch");

        edit(name, s -> s.getSpec().setShares(List.of(s.getSpec().getShares().get(0), absent("/scratch"),
                absent("/byhand"))));
        await().atMost(TIMEOUT).until(() -> client.shareNames().equals(List.of("/export")));
        await().atMost(TIMEOUT).until(() -> List.of("/export").equals(get(name).getStatus().getManagedShares()));
        awaitReady(name);
    }

    private static ShareSpec absent(String share) {
        ShareSpec spec = new ShareSpec();
        spec.setName(share);
        spec.setEnsure(com.dittofs.operator.api.v1alpha1.Ensure.ABSENT);
        return spec;
    }

    /** Drift: a managed share changed by hand is brought back. */
    @Test
    void aManagedShareChangedByHandIsBroughtBack() {
        client.setReadOnly("/export", true);
        edit(name, s -> s.getSpec().getService().setAnnotations(java.util.Map.of("touch", "drift")));
        await().atMost(TIMEOUT).until(() -> !client.share("/export").path("read_only").asBoolean());
        awaitReady(name);
    }

    /**
     * dfs goes away: a condition and a Warning event, and the file server is not restarted for it. dfs comes back on
     * the same volumes: the operator finds it again by itself, and changes nothing twice.
     */
    @Test
    void dfsDownIsReportedAndFoundAgainWhenItComesBack() {
        List<String> shares = client.shareNames();
        java.util.Map<String, String> claims = Faults.claims(admin, namespace);
        String podUid = admin.pods().inNamespace(namespace).withName(name + "-0").get().getMetadata().getUid();
        dfs.stop();
        edit(name, s -> s.getSpec().getService().setAnnotations(java.util.Map.of("touch", "down")));
        await().atMost(TIMEOUT).until(() -> condition(name, "DataPlaneReady")
                .map(c -> "False".equals(c.getStatus()) && "ServerUnreachable".equals(c.getReason())).orElse(false));
        assertThat(condition(name, "Ready")).get().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("DataPlaneNotReady");
        });
        await().atMost(TIMEOUT).until(() -> admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && "DataPlaneNotReady".equals(e.getReason())));
        assertThat(admin.pods().inNamespace(namespace).withName(name + "-0").get().getMetadata().getUid())
                .isEqualTo(podUid);
        assertThat(get(name).getStatus().getPhase()).as("a server that is down may come back").hasToString("Pending");

        dfs.restart();
        long back = System.nanoTime();
        await().atMost(TIMEOUT).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> conditionIs(name, "DataPlaneReady", "True") && conditionIs(name, "Ready", "True"));
        Faults.printRecovery("dfs-down", Faults.since(back));
        DfsRest after = dfsAsAdmin(name);
        assertThat(after.shareNames()).containsExactlyElementsOf(shares);
        Faults.assertNoDuplicates(after.allObjectNames());
        assertThat(Faults.claims(admin, namespace)).as("no PVC lost or re-created").isEqualTo(claims);
        client = after;
    }
}
