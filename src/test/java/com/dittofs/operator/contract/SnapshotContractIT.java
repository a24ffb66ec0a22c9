package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.dfsclient.StoreRequest;
import com.dittofs.operator.dfsclient.TestRequests;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.testing.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * dfs's share snapshots, spoken to in raw HTTP so the contract pins dfs itself (issue #21). The stores and shares are
 * laid out as the operator lays them out: every share on one badger metadata store and one fs local store.
 */
@Tag("contract")
class SnapshotContractIT {

    private static final Duration SNAPSHOT_READY = Duration.ofSeconds(60);
    private static OperatorInputs inputs;
    private static DfsProcess dfs;

    @BeforeAll
    static void startDfs() {
        NfsClient.assumeInstalled();
        inputs = OperatorInputs.ofSample("dittofs_v1alpha1_dittoserver.yaml");
        dfs = inputs.start("snapshots", DfsProcess.loopback(FreePorts.next(), null));
        created(post("api/v1/store/metadata", StoreRequest.create("snap-meta", "badger",
                Map.of("path", dfs.hostPath(Names.METADATA_DIR).resolve("snap").toString()))));
        created(post("api/v1/store/block/local", StoreRequest.create("snap-local", "fs",
                Map.of("path", dfs.hostPath(Names.CACHE_DIR).resolve("snap").toString()))));
    }

    @AfterAll
    static void stopDfs() {
        if (dfs != null) {
            dfs.stop();
        }
    }

    /**
     * Design §0.1: a restore resets and replays the share's whole metadata store. Two shares on one store: restoring
     * /a also rolls /b back (a file written on /b after the snapshot is gone), while /b stays enabled and serving.
     */
    @Test
    void restoreRollsBackEveryShareOnTheSameMetadataStore() throws IOException {
        createShare("/a");
        createShare("/b");
        write("/a", "kept.txt", "a before the snapshot\n");
        write("/b", "old.txt", "b before the snapshot\n");

        String id = snapshot("a");
        write("/a", "later.txt", "a after the snapshot\n");
        write("/b", "new.txt", "b after the snapshot\n");

        assertThat(post("api/v1/shares/a/disable", null).status()).isEqualTo(200);
        Http.Response restored = post("api/v1/shares/a/snapshots/" + id + "/restore",
                Map.of("allow_non_durable", true));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().path("safety_snapshot_id").asText()).as("a safety snapshot was taken").isNotBlank();
        assertThat(shareJson("a").path("enabled").asBoolean(true)).as("dfs leaves the restored share disabled").isFalse();
        assertThat(shareJson("b").path("enabled").asBoolean(false)).as("the other share was never disabled").isTrue();
        assertThat(post("api/v1/shares/a/enable", null).status()).isEqualTo(200);

        assertThat(NfsClient.cat("/a", "kept.txt").output()).isEqualTo("a before the snapshot\n");
        assertThat(NfsClient.cat("/a", "later.txt").exitCode()).as("/a is rolled back").isNotZero();
        assertThat(NfsClient.cat("/b", "old.txt").output()).isEqualTo("b before the snapshot\n");
        NfsClient.Result otherShare = NfsClient.cat("/b", "new.txt");
        assertThat(otherShare.exitCode()).as("/b, on the same metadata store, is rolled back with /a: "
                + otherShare.output()).isNotZero();
        assertThat(otherShare.output()).contains("NFS3ERR_NOENT");
    }

    private static void createShare(String name) {
        created(post("api/v1/shares", TestRequests.share(name, "snap-meta", "snap-local")));
        Http.Response squash = Http.send("PATCH", uri("api/v1/shares" + name + "/adapters/nfs/config"), token(),
                TestRequests.squash("root_to_admin"));
        assertThat(squash.status()).as(squash.body()).isEqualTo(200);
    }

    private static void created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    private static JsonNode shareJson(String name) {
        Http.Response response = Http.get(uri("api/v1/shares/" + name), token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void write(String share, String file, String content) throws IOException {
        Path local = Files.writeString(Files.createTempFile(dfs.root(), "nfs", ".txt"), content);
        NfsClient.Result copied = NfsClient.copy(local, share, file);
        assertThat(copied.exitCode()).as(copied.output()).isZero();
    }

    /** POSTs a snapshot (202, asynchronous) and polls it until it is ready; returns its id. */
    private static String snapshot(String share) {
        Http.Response created = post("api/v1/shares/" + share + "/snapshots", Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().path("snapshot_id").asText();
        URI one = uri("api/v1/shares/" + share + "/snapshots/" + id);
        await("snapshot " + id + " ready").atMost(SNAPSHOT_READY).pollInterval(Duration.ofMillis(200))
                .failFast("snapshot failed", () -> "failed".equals(Http.get(one, token()).json().path("state")
                        .asText()))
                .until(() -> "ready".equals(Http.get(one, token()).json().path("state").asText()));
        return id;
    }

    private static Http.Response post(String path, Object body) {
        return Http.send("POST", uri(path), token(), body);
    }

    private static URI uri(String path) {
        return dfs.apiUri().resolve(path);
    }

    private static String token() {
        return ServerContract.token(dfs, inputs.adminPassword());
    }
}
