package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.dfsclient.BlockStoreKind;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.RestoreRequest;
import com.dittofs.operator.dfsclient.RestoreResult;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.dfsclient.SnapshotAccepted;
import com.dittofs.operator.dfsclient.SnapshotApi;
import com.dittofs.operator.dfsclient.SnapshotCreate;
import com.dittofs.operator.dfsclient.SnapshotPolicy;
import com.dittofs.operator.dfsclient.SnapshotPolicyRequest;
import com.dittofs.operator.dfsclient.SnapshotTestClient;
import com.dittofs.operator.dfsclient.StoreRequest;
import com.dittofs.operator.dfsclient.TestRequests;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.testing.FreePorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The operator's snapshot calls against a real dfs (issue #21): policies with dfs's own validation, asynchronous
 * snapshots found again by their name, the restore's preconditions, and what deleting a share takes with it.
 */
@Tag("contract")
@QuarkusTest
@TestProfile(ClientTestProfile.class)
class DfsClientSnapshotsIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static OperatorInputs inputs;
    private static DfsProcess dfs;

    @Inject
    DfsClientFactory factory;
    private DfsClient client;
    private SnapshotApi policies;
    private SnapshotTestClient api;

    @BeforeAll
    static void startDfs() {
        inputs = OperatorInputs.ofSample("dittofs_v1alpha1_dittoserver.yaml");
        dfs = inputs.start("client-snapshots", DfsProcess.loopback(FreePorts.next(), null));
    }

    @AfterAll
    static void stopDfs() {
        if (dfs != null) {
            dfs.stop();
        }
    }

    @BeforeEach
    void client() {
        client = factory.client(dfs.apiUri(), inputs.adminPassword(), null);
        policies = client.snapshotApi();
        api = SnapshotTestClient.of(client, dfs.apiUri());
        if (client.findMetadataStore("snap-meta").isEmpty()) {
            client.createMetadataStore(StoreRequest.create("snap-meta", "badger",
                    Map.of("path", dfs.hostPath(Names.METADATA_DIR).resolve("snap").toString())));
            client.createBlockStore(BlockStoreKind.LOCAL, StoreRequest.create("snap-local", "fs",
                    Map.of("path", dfs.hostPath(Names.CACHE_DIR).resolve("snap").toString())));
        }
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void policies() {
        client.createShare(TestRequests.share("/pol", "snap-meta", "snap-local"));
        SnapshotPolicy daily = policies.putSnapshotPolicy("pol", new SnapshotPolicyRequest("@daily", 7, "720h", null,
                "team"));
        assertThat(daily.interval()).as("written back as a Go duration").isEqualTo("24h0m0s");
        assertThat(daily.ttl()).isEqualTo("720h0m0s");
        assertThat(daily.keepLast()).isEqualTo(7);
        assertThat(daily.enabled()).as("enabled by default").isTrue();
        assertThat(daily.namePrefix()).isEqualTo("team");
        assertThat(daily.share()).isEqualTo("/pol");
        assertThat(policies.snapshotPolicies()).extracting(SnapshotPolicy::share).contains("/pol");

        SnapshotPolicy plain = policies.putSnapshotPolicy("/pol",
                new SnapshotPolicyRequest("90m", null, null, false, null));
        assertThat(plain.interval()).isEqualTo("1h30m0s");
        assertThat(plain.ttl()).as("no age bound: omitted").isNull();
        assertThat(plain.keepLast()).isZero();
        assertThat(plain.enabled()).isFalse();

        assertThat(refused("0s")).isEqualTo("HTTP 400 Bad Request: invalid interval: "
                + "schedule: interval must be positive, got \"0s\"");
        assertThat(refused("@yearly")).startsWith("HTTP 400 Bad Request: invalid interval: ");
        assertThat(refused("abc")).startsWith("HTTP 400 Bad Request: invalid interval: ");
        assertThat(refused(new SnapshotPolicyRequest("1h", null, "-1h", null, null)))
                .startsWith("HTTP 400 Bad Request: invalid ttl: ");
        assertThat(refused(new SnapshotPolicyRequest("1h", -1, null, null, null)))
                .isEqualTo("HTTP 400 Bad Request: keep_last must be >= 0");
        assertThat(refused(new SnapshotPolicyRequest("1h", null, null, null, "a/b")))
                .isEqualTo("HTTP 400 Bad Request: invalid name_prefix: must match ^[A-Za-z0-9_-]{0,64}$");
        DfsApiException noShare = catchThrowableOfType(DfsApiException.class,
                () -> policies.putSnapshotPolicy("nosuch", new SnapshotPolicyRequest("1h", null, null, null, null)));
        assertThat(noShare.status()).isEqualTo(404);

        policies.deleteSnapshotPolicy("pol");
        assertThat(policies.snapshotPolicies()).extracting(SnapshotPolicy::share).doesNotContain("/pol");
        assertThat(catchThrowableOfType(DfsApiException.class, () -> policies.deleteSnapshotPolicy("pol")).status())
                .isEqualTo(404);
        client.deleteShare("/pol");
    }

    @Test
    void snapshotsAndRestore() {
        client.createShare(TestRequests.share("/snap", "snap-meta", "snap-local"));
        long started = System.nanoTime();
        SnapshotAccepted accepted = api.createSnapshot("snap", new SnapshotCreate("k8s:ns/before/uid-1"));
        assertThat(accepted.share()).isEqualTo("/snap");
        Snapshot ready = awaitState("snap", accepted.snapshotId(), Snapshot.READY);
        System.out.printf("snapshot of an empty share ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(ready.remoteDurable()).as("no remote store").isFalse();
        assertThat(ready.scheduled()).isFalse();
        assertThat(ready.dumpBytes()).as("the metadata dump").isPositive();
        assertThat(ready.createdAt()).isNotNull();
        assertThat(api.snapshots("/snap")).as("found again by its name")
                .filteredOn(s -> "k8s:ns/before/uid-1".equals(s.name())).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo(accepted.snapshotId()));

        DfsApiException enabled = catchThrowableOfType(DfsApiException.class,
                () -> api.restoreSnapshot("snap", ready.id(), new RestoreRequest(true)));
        assertThat(enabled.status()).isEqualTo(409);
        assertThat(enabled).hasMessageContaining("disable before restore");
        assertThat(api.disableShare("snap").enabled()).isFalse();
        assertThat(api.disableShare("snap").enabled()).as("idempotent").isFalse();
        DfsApiException notDurable = catchThrowableOfType(DfsApiException.class,
                () -> api.restoreSnapshot("snap", ready.id(), new RestoreRequest(false)));
        assertThat(notDurable.status()).isEqualTo(412);
        assertThat(notDurable).hasMessageContaining("allow_non_durable");

        started = System.nanoTime();
        RestoreResult restored = api.restoreSnapshot("snap", ready.id(), new RestoreRequest(true));
        System.out.printf("restore took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(restored.snapshotId()).isEqualTo(ready.id());
        assertThat(restored.safetySnapshotId()).isNotBlank();
        assertThat(client.shares()).filteredOn(s -> s.name().equals("/snap")).singleElement()
                .satisfies(s -> assertThat(s.enabled()).as("still disabled after a restore").isFalse());
        assertThat(api.findSnapshot("snap", restored.safetySnapshotId())).hasValueSatisfying(s -> {
            assertThat(s.name()).as("the safety snapshot is unnamed").isNull();
            assertThat(s.scheduled()).isFalse();
        });
        assertThat(api.enableShare("snap").enabled()).isTrue();

        api.deleteSnapshot("snap", ready.id());
        assertThat(api.findSnapshot("snap", ready.id())).isEmpty();
        assertThat(catchThrowableOfType(DfsApiException.class, () -> api.deleteSnapshot("snap", ready.id())).status())
                .isEqualTo(404);
        assertThat(catchThrowableOfType(DfsApiException.class, () -> api.deleteSnapshot("snap", "not-a-uuid"))
                .status()).isEqualTo(404);
    }

    /** Deleting a share: does dfs also drop its policy and its snapshots? */
    @Test
    void deletingAShareTakesItsPolicyAndSnapshots() {
        client.createShare(TestRequests.share("/gone", "snap-meta", "snap-local"));
        policies.putSnapshotPolicy("gone", new SnapshotPolicyRequest("1h", null, null, null, null));
        SnapshotAccepted run = api.runSnapshotPolicy("gone");
        Snapshot scheduled = awaitState("gone", run.snapshotId(), Snapshot.READY);
        assertThat(scheduled.scheduled()).isTrue();
        assertThat(scheduled.name()).startsWith("scheduled-");

        client.deleteShare("/gone");
        assertThat(policies.snapshotPolicies()).extracting(SnapshotPolicy::share).doesNotContain("/gone");
        client.createShare(TestRequests.share("/gone", "snap-meta", "snap-local"));
        assertThat(api.snapshots("gone")).as("a share of the same name starts with no snapshots").isEmpty();
        client.deleteShare("/gone");
    }

    private Snapshot awaitState(String share, String id, String state) {
        return await("snapshot " + id + " " + state).atMost(READY).pollInterval(Duration.ofMillis(100))
                .until(() -> api.findSnapshot(share, id).orElseThrow(),
                        s -> state.equals(s.state()) || Snapshot.FAILED.equals(s.state()));
    }

    private String refused(String interval) {
        return refused(new SnapshotPolicyRequest(interval, null, null, null, null));
    }

    private String refused(SnapshotPolicyRequest request) {
        DfsApiException e = catchThrowableOfType(DfsApiException.class,
                () -> policies.putSnapshotPolicy("pol", request));
        assertThat(e.status()).as(e.getMessage()).isEqualTo(400);
        return e.getMessage();
    }
}
