package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.dfsclient.Adapter;
import com.dittofs.operator.dfsclient.BlockStore;
import com.dittofs.operator.dfsclient.BlockStoreKind;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsTestClient;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsGroup;
import com.dittofs.operator.dfsclient.DfsUser;
import com.dittofs.operator.dfsclient.GroupRequest;
import com.dittofs.operator.dfsclient.UserRequest;
import com.dittofs.operator.dfsclient.MetadataStore;
import com.dittofs.operator.dfsclient.NfsExportConfig;
import com.dittofs.operator.dfsclient.RetryPolicy;
import com.dittofs.operator.dfsclient.Share;
import com.dittofs.operator.dfsclient.SharePermission;
import com.dittofs.operator.dfsclient.StoreRequest;
import com.dittofs.operator.dfsclient.TestRequests;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import com.dittofs.operator.testing.FreePorts;
import com.dittofs.operator.testing.RecordingRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every call of the operator's dfs client against a real dfs configured by the operator (basic sample). Access
 * tokens live 5 s here, so the whole class also exercises token refresh; a healthy session still logs in once. The
 * client talks to dfs through a {@link RecordingRelay}, so logins and refreshes are counted as dfs receives them.
 */
@Tag("contract")
@QuarkusTest
@TestProfile(ClientTestProfile.class)
class DfsClientIT {

    private static final String TOKEN_DURATION_ENV = "DITTOFS_CONTROLPLANE_JWT_ACCESS_TOKEN_DURATION";
    private static OperatorInputs inputs;
    private static DfsProcess dfs;
    private static RecordingRelay relay;
    private static URI relayed;

    @Inject
    DfsClientFactory factory;
    private DfsClient client;
    private DfsTestClient testCalls;

    @BeforeAll
    static void startDfs() {
        inputs = OperatorInputs.ofSample("dittofs_v1alpha1_dittoserver.yaml");
        Map<String, String> adaptations = DfsProcess.loopback(FreePorts.next(), null);
        adaptations.put(TOKEN_DURATION_ENV, "5s");
        dfs = inputs.start("client", adaptations);
        int port = FreePorts.next();
        relay = relayTo(port);
        relayed = URI.create("http://127.0.0.1:" + port + "/");
    }

    private static RecordingRelay relayTo(int port) {
        return RecordingRelay.start("127.0.0.1", port, dfs.apiPort());
    }

    @AfterAll
    static void stopDfs() {
        if (relay != null) {
            relay.close();
        }
        if (dfs != null) {
            dfs.stop();
        }
    }

    @BeforeEach
    void client() {
        client = factory.client(relayed, inputs.adminPassword(), null);
        testCalls = DfsTestClient.of(client, relayed);
    }

    @AfterEach
    void stillTheFirstLogin() {
        testCalls.close();
        assertThat(HttpRequests.of(relay).logins(Names.ADMIN_USERNAME)).as("admin logins dfs received from the "
                + "shared client: refreshes only").isEqualTo(1);
    }

    @Test
    void probesAndLogin() {
        assertThat(testCalls.health().status()).isEqualTo("healthy");
        assertThat(testCalls.ready().status()).isEqualTo("healthy");
        client.logIn();
        Http.Response me = Http.get(dfs.apiUri().resolve("api/v1/auth/me"), DfsTestClient.accessToken(client));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).as("the session's user").isEqualTo(Names.ADMIN_USERNAME);
        assertThat(me.json().path("role").asText()).isEqualTo("admin");
        assertThat(me.json().path("must_change_password").asBoolean(true)).isFalse();
        assertThat(factory.client(relayed, inputs.adminPassword(), null)).as("cached per server")
                .isSameAs(client);
    }

    @Test
    void adapters() {
        assertThat(testCalls.adapters()).extracting(Adapter::type, Adapter::port, Adapter::enabled)
                .contains(org.assertj.core.groups.Tuple.tuple("nfs", Ports.NFS_CONTAINER, true),
                        org.assertj.core.groups.Tuple.tuple("smb", Ports.SMB_CONTAINER, true));
        assertThat(client.findAdapter("nfs")).hasValueSatisfying(a -> assertThat(a.running()).isTrue());
        assertThat(client.findAdapter("nosuch")).isEmpty();

        Adapter disabled = client.updateAdapter("smb", TestRequests.enabled(false));
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.running()).isFalse();
        ServerContract.awaitListening(Ports.SMB_CONTAINER, false);

        Adapter enabled = client.updateAdapter("smb", TestRequests.enabled(true));
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.port()).isEqualTo(Ports.SMB_CONTAINER);
        ServerContract.awaitListening(Ports.SMB_CONTAINER, true);
    }

    @Test
    void metadataStores() throws IOException {
        String badgerPath = dfs.hostPath(Names.METADATA_DIR).resolve("badger-a").toString();
        MetadataStore badger = client.createMetadataStore(
                StoreRequest.create("meta-badger", "badger", Map.of("path", badgerPath)));
        assertThat(badger.id()).isNotBlank();
        assertThat(badger.type()).isEqualTo("badger");
        assertThat(badger.config()).containsEntry("path", badgerPath);
        assertThat(client.findMetadataStore("meta-badger")).hasValueSatisfying(
                m -> assertThat(m.id()).isEqualTo(badger.id()));
        assertThat(testCalls.metadataStores()).extracting(MetadataStore::name).contains("meta-badger");

        // dfs opens the store before its duplicate check: the same badger path is locked -> 400, not 409
        DfsApiException locked = catchThrowableOfType(DfsApiException.class, () -> client.createMetadataStore(
                StoreRequest.create("meta-badger", "badger", Map.of("path", badgerPath))));
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked).hasMessageContaining("locked");

        Path sqliteDir = Files.createDirectories(dfs.hostPath(Names.METADATA_DIR).resolve("sqlite-a"));
        StoreRequest sqlite = StoreRequest.create("meta-sqlite", "sqlite",
                Map.of("path", sqliteDir.resolve("meta.db").toString()));
        client.createMetadataStore(sqlite);
        DfsApiException duplicate = catchThrowableOfType(DfsApiException.class,
                () -> client.createMetadataStore(sqlite));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problem()).isTrue();
        assertThat(duplicate).hasMessage("HTTP 409 Conflict: Metadata store already exists");
        assertThat(dfs.stdout().lines().filter(l -> l.contains("\"method\":\"POST\"")
                && l.contains("\"path\":\"/api/v1/store/metadata\"") && l.contains("\"status\":409")))
                .as("a 409 is never retried").hasSize(1);

        client.createMetadataStore(StoreRequest.create("meta-mem", "memory", null));
        testCalls.deleteMetadataStore("meta-mem");
        assertThat(client.findMetadataStore("meta-mem")).isEmpty();
        assertThat(catchThrowableOfType(DfsApiException.class, () -> testCalls.deleteMetadataStore("meta-mem"))
                .notFound()).isTrue();
    }

    @Test
    void blockStores() {
        String path = dfs.hostPath(Names.CACHE_DIR).resolve("blocks-a").toString();
        BlockStore local = client.createBlockStore(BlockStoreKind.LOCAL,
                StoreRequest.create("blocks-a", "fs", Map.of("path", path)));
        assertThat(local.kind()).isEqualTo("local");
        assertThat(local.status().status()).isEqualTo("healthy");
        assertThat(Path.of(path)).isDirectory();
        assertThat(catchThrowableOfType(DfsApiException.class, () -> client.createBlockStore(BlockStoreKind.LOCAL,
                StoreRequest.create("blocks-a", "fs", Map.of("path", path)))).status()).isEqualTo(409);

        BlockStore resized = client.updateBlockStore(BlockStoreKind.LOCAL, "blocks-a",
                StoreRequest.update(null, Map.of("path", path, "max_size", 1073741824L)));
        assertThat(((Number) resized.config().get("max_size")).longValue()).isEqualTo(1073741824L);
        assertThat(client.findBlockStore(BlockStoreKind.LOCAL, "blocks-a")).isPresent();
        assertThat(client.findBlockStore(BlockStoreKind.REMOTE, "blocks-a")).as("names are per kind").isEmpty();
        assertThat(testCalls.blockStores(BlockStoreKind.LOCAL)).extracting(BlockStore::name).contains("blocks-a");

        DfsApiException relative = catchThrowableOfType(DfsApiException.class, () -> client.createBlockStore(
                BlockStoreKind.LOCAL, StoreRequest.create("blocks-rel", "fs", Map.of("path", "relative/dir"))));
        assertThat(relative.status()).isEqualTo(400);
        assertThat(relative).hasMessageContaining("must be absolute");

        client.createBlockStore(BlockStoreKind.REMOTE, StoreRequest.create("remote-mem", "memory", null));
        BlockStore durable = client.updateBlockStore(BlockStoreKind.REMOTE, "remote-mem",
                StoreRequest.update(null, Map.of("durable", true)));
        assertThat(durable.config()).containsEntry("durable", true);
        assertThat(testCalls.blockStores(BlockStoreKind.REMOTE)).extracting(BlockStore::name).contains("remote-mem");
        testCalls.deleteBlockStore(BlockStoreKind.REMOTE, "remote-mem");
        testCalls.deleteBlockStore(BlockStoreKind.LOCAL, "blocks-a");
        assertThat(client.findBlockStore(BlockStoreKind.REMOTE, "remote-mem")).isEmpty();
        assertThat(client.findBlockStore(BlockStoreKind.LOCAL, "blocks-a")).isEmpty();
    }

    @Test
    void shareWritableOverNfs() throws IOException {
        NfsClient.assumeInstalled();
        MetadataStore meta = client.createMetadataStore(StoreRequest.create("export-meta", "badger",
                Map.of("path", dfs.hostPath(Names.METADATA_DIR).resolve("export").toString())));
        BlockStore local = client.createBlockStore(BlockStoreKind.LOCAL, StoreRequest.create("export-blocks", "fs",
                Map.of("path", dfs.hostPath(Names.CACHE_DIR).resolve("export").toString())));

        Share share = client.createShare(TestRequests.share("/export", "export-meta", "export-blocks"));
        assertThat(share.name()).isEqualTo("/export");
        assertThat(share.metadataStoreId()).as("names come back as UUIDs").isEqualTo(meta.id());
        assertThat(share.localBlockStoreId()).isEqualTo(local.id());
        assertThat(share.defaultPermission()).isEqualTo("none");
        DfsApiException duplicate = catchThrowableOfType(DfsApiException.class,
                () -> client.createShare(TestRequests.share("export", "export-meta", "export-blocks")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate).hasMessageEndingWith(": Share already exists");
        assertThat(testCalls.findShare("export")).isPresent();
        assertThat(client.shares()).extracting(Share::name).contains("/export");
        assertThat(client.updateShare("/export", TestRequests.quota("10GiB")).quotaBytes()).isEqualTo("10.00GiB");

        // a new share admits nobody: root is squashed to a guest, and a grant for admin (uid 0) does not help it
        Path local1 = Files.writeString(dfs.root().resolve("hello.txt"), "hello from the contract test\n");
        client.grantUser("/export", "admin", "read-write");
        assertThat(client.permissions("/export")).containsExactly(new SharePermission("user", "admin", "read-write"));
        NfsClient.Result denied = NfsClient.copy(local1, "/export", "denied.txt");
        assertThat(denied.exitCode()).as(denied.output()).isNotZero();
        assertThat(denied.output()).contains("NFS3ERR_ACCES");
        client.revokeUser("/export", "admin");
        assertThat(client.permissions("/export")).as("dfs answers null for no grants").isEmpty();

        assertThat(client.nfsExportConfig("/export").squash()).isEqualTo("root_to_guest");
        NfsExportConfig patched = client.patchNfsExportConfig("/export", TestRequests.squash("root_to_admin"));
        assertThat(patched.squash()).isEqualTo("root_to_admin");
        assertThat(patched.allowAuthSys()).isTrue();

        NfsClient.Result copied = NfsClient.copy(local1, "/export", "hello.txt");
        assertThat(copied.exitCode()).as(copied.output()).isZero();
        NfsClient.Result read = NfsClient.cat("/export", "hello.txt");
        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.output()).isEqualTo("hello from the contract test\n");

        DfsApiException inUse = catchThrowableOfType(DfsApiException.class,
                () -> testCalls.deleteMetadataStore("export-meta"));
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse).hasMessageContaining("in use");
        client.deleteShare("/export");
        assertThat(testCalls.findShare("/export")).isEmpty();
        testCalls.deleteMetadataStore("export-meta");
    }

    /** Users, groups, group grants and password resets, with the dfs rules the access sync relies on. */
    @Test
    void usersAndGroups() {
        assertThat(client.groups()).extracting(DfsGroup::name).contains("admins", "operators", "users");
        DfsGroup eng = client.createGroup(new GroupRequest("contract-eng", 4100L));
        assertThat(eng.gid()).isEqualTo(4100L);
        assertThat(client.updateGroup("contract-eng", new GroupRequest(null, 4101L)).gid()).isEqualTo(4101L);

        DfsUser alice = client.createUser(new UserRequest("contract-alice", "alice-pass-1", "user", 4001L, 4101L,
                List.of("contract-eng"), true));
        assertThat(alice.groups()).containsExactly("contract-eng");
        DfsApiException sameUid = catchThrowableOfType(DfsApiException.class, () -> client.createUser(
                new UserRequest("contract-carol", "carol-pass-1", null, 4001L, null, null, null)));
        assertThat(sameUid.status()).as("the UID is unique too").isEqualTo(409);
        DfsApiException noGroup = catchThrowableOfType(DfsApiException.class, () -> client.createUser(
                new UserRequest("contract-dave", "dave-pass-1", null, null, null, List.of("nosuch"), null)));
        assertThat(noGroup.status()).isEqualTo(400);

        // an admin-role user must change its password first; logging in as it with the same password clears that
        DfsUser bob = client.createUser(new UserRequest("contract-bob", "bob-pass-1", "admin", null, null, null, true));
        assertThat(bob.mustChangePassword()).isTrue();
        assertThat(client.loginAs("contract-bob", "bob-pass-1").mustChangePassword()).isTrue();
        assertThat(client.users()).filteredOn(u -> "contract-bob".equals(u.username()))
                .singleElement().satisfies(u -> assertThat(u.mustChangePassword()).isFalse());

        client.resetPassword("contract-alice", "alice-pass-2");
        DfsApiException old = catchThrowableOfType(DfsApiException.class,
                () -> client.loginAs("contract-alice", "alice-pass-1"));
        assertThat(old.status()).isEqualTo(401);
        assertThat(client.loginAs("contract-alice", "alice-pass-2").username()).isEqualTo("contract-alice");
        client.updateUser("contract-alice", new UserRequest(null, null, null, null, null, List.of(), false));
        DfsApiException disabled = catchThrowableOfType(DfsApiException.class,
                () -> client.loginAs("contract-alice", "alice-pass-2"));
        assertThat(disabled.status()).as("disabled is told apart from a wrong password").isEqualTo(403);

        client.deleteUser("contract-alice");
        client.deleteUser("contract-bob");
        client.deleteGroup("contract-eng");
        assertThat(client.users()).extracting(DfsUser::username).doesNotContain("contract-alice", "contract-bob");
        assertThat(client.groups()).extracting(DfsGroup::name).doesNotContain("contract-eng");
    }

    @Test
    void errorsCarryStatusTitleAndDetail() {
        assertThat(testCalls.findShare("nosuch")).isEmpty();
        DfsApiException missing = catchThrowableOfType(DfsApiException.class, () -> client.deleteShare("nosuch"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problem()).isTrue();
        assertThat(missing.getMessage()).isEqualTo("HTTP 404 Not Found: Share not found");

        DfsApiException badRef = catchThrowableOfType(DfsApiException.class,
                () -> client.createShare(TestRequests.share("/bad", "nosuch", "nosuch")));
        assertThat(badRef.status()).isEqualTo(400);
        assertThat(badRef).hasMessageEndingWith(": Metadata store not found: nosuch");

        try (DfsClientFactory other = new DfsClientFactory()) {
            DfsApiException wrongPassword = catchThrowableOfType(DfsApiException.class,
                    () -> other.client(dfs.apiUri(), "not-the-password", null).findAdapter("nfs"));
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(wrongPassword).hasMessageEndingWith(": Invalid username or password");
        }
    }

    /** The token is refreshed with the refresh token once dfs would reject it, without a new login. */
    @Test
    void tokenIsRefreshedBeforeExpiry() {
        int port = FreePorts.next();
        try (DfsClientFactory own = new DfsClientFactory(); RecordingRelay seen = relayTo(port)) {
            DfsClient fresh = own.client(URI.create("http://127.0.0.1:" + port + "/"), inputs.adminPassword(), null);
            for (int i = 0; i < 5; i++) {
                fresh.findAdapter("nfs");
            }
            assertThat(HttpRequests.of(seen).logins(Names.ADMIN_USERNAME)).isEqualTo(1);
            assertThat(HttpRequests.of(seen).refreshes()).isZero();
            String expiring = DfsTestClient.accessToken(fresh);
            URI adapters = dfs.apiUri().resolve("api/v1/adapters");
            await("the first access token to expire").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200)).until(() -> Http.get(adapters, expiring).status() == 401);

            assertThat(fresh.findAdapter("nfs")).isPresent();
            assertThat(HttpRequests.of(seen).logins(Names.ADMIN_USERNAME)).isEqualTo(1);
            assertThat(HttpRequests.of(seen).refreshes()).isEqualTo(1);
            assertThat(DfsTestClient.accessToken(fresh)).isNotEqualTo(expiring);
        }
    }

    @Test
    void connectFailuresAreRetriedThenReported() {
        RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(100));
        var settings = new DfsClientFactory.Settings(Duration.ofSeconds(1), Duration.ofSeconds(5), quick,
                Clock.systemUTC());
        try (DfsClientFactory own = new DfsClientFactory(settings)) {
            DfsClient nowhere = own.client(URI.create("http://127.0.0.1:" + FreePorts.next() + "/"), "x".repeat(16),
                    null);
            long start = System.nanoTime();
            DfsApiException unreachable = catchThrowableOfType(DfsApiException.class, () -> nowhere.findAdapter("nfs"));
            assertThat(unreachable.connectFailure()).isTrue();
            assertThat(unreachable.status()).isEqualTo(DfsApiException.NO_RESPONSE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two backoffs").isGreaterThan(
                    Duration.ofMillis(140));
        }
    }
}
