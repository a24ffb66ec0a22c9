package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dittofs.operator.api.v1alpha1.AccessLevel;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.GroupSpec;
import com.dittofs.operator.api.v1alpha1.ServiceType;
import com.dittofs.operator.api.v1alpha1.ShareEndpoints;
import com.dittofs.operator.api.v1alpha1.ShareGrant;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.api.v1alpha1.UserStatus;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Declared users, groups and grants against the real dfs, through the clients people use: the guide's example is
 * applied as written, then declared users log in over SMB (smbclient) and NFS clients come as root and as a user's UID
 * (libnfs). Each test starts from the guide's state and puts back what it changed (the password Secrets, the spec),
 * so the tests hold in any order: a password is rotated, a user is removed, one is added before its Secret.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class AccessIT extends E2E {

    private static final String NAME = "team-files";
    private static final String GUIDE_BLOCK = "AccessIT applies the next block as it is";
    private static Path dir;

    @BeforeAll
    static void theGuidesExampleWithItsDfs() throws Exception {
        for (HasMetadata object : GuideBlocks.objects("USING_SHARES.md", GUIDE_BLOCK)) {
            object.getMetadata().setNamespace(namespace);
            admin.resource(object).create();
        }
        runDfs(NAME);
        awaitReady(NAME);
        dir = Files.createTempDirectory("smb");
        Files.writeString(dir.resolve("mine.txt"), "written by alice " + UUID.randomUUID());
    }

    /**
     * Back to the guide: its Secrets and spec as written, the Secrets of the users the tests add gone, converged,
     * alice's first password.
     */
    @AfterEach
    void backToTheGuide() {
        // first the added users' Secrets (no pass can create them again), then the accounts themselves: removing a
        // user from the spec leaves it in dfs
        for (String added : List.of("dave-password", "erin-password", "gina-password")) {
            admin.secrets().inNamespace(namespace).withName(added).delete();
        }
        DfsRest rest = dfsAsAdmin();
        rest.userNames().stream().filter(u -> !List.of("admin", "alice", "bob").contains(u)).forEach(rest::deleteUser);
        for (HasMetadata object : GuideBlocks.objects("USING_SHARES.md", GUIDE_BLOCK)) {
            object.getMetadata().setNamespace(namespace);
            if (object instanceof DittoServer guide) {
                edit(NAME, s -> s.setSpec(guide.getSpec()));
            } else {
                admin.resource(object).forceConflicts().serverSideApply();
            }
        }
        await().atMost(TIMEOUT).until(() -> {
            DittoServer server = get(NAME);
            return server.getMetadata().getGeneration().equals(server.getStatus().getObservedGeneration())
                    && List.of("alice", "bob").equals(server.getStatus().getManagedUsers())
                    && condition(NAME, "DataPlaneReady").map(c -> "True".equals(c.getStatus())).orElse(false);
        });
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> SmbClient.run("/team", "alice",
                "alice-first-password", dir, "ls").ok());
    }

    @Test
    void theGuidesServerConvergesAndSaysHowToMount() {
        DittoServer ready = get(NAME);
        assertThat(condition(NAME, "DataPlaneReady")).get().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("Converged");
            assertThat(c.getMessage()).contains("2 user(s) and 1 group(s)");
        });
        assertThat(ready.getStatus().getUsers()).extracting(UserStatus::getName, UserStatus::getReady)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", true),
                        org.assertj.core.groups.Tuple.tuple("bob", true));
        assertThat(ready.getStatus().getManagedUsers()).containsExactly("alice", "bob");
        assertThat(ready.getStatus().getManagedGroups()).containsExactly("readers");
        ShareStatus team = ready.getStatus().getShares().get(0);
        assertThat(team.getAccess()).isEqualTo(
                "user alice: read-write, group readers: read; everyone else: none; NFS squash root_to_guest");
        assertThat(team.getEndpoints().getNfs()).isEqualTo(NAME + "-file." + namespace + ".svc:/team");
        assertThat(team.getEndpoints().getSmb()).isEqualTo("\\\\" + NAME + "-file." + namespace + ".svc\\team");
    }

    @Test
    void overSmbEachUserHasTheirGrants() throws Exception {
        String content = Files.readString(dir.resolve("mine.txt"));
        // alice writes and reads back on /team (read-write).
        var write = SmbClient.run("/team", "alice", "alice-first-password", dir, "put mine.txt mine.txt; get mine.txt back.txt");
        assertThat(write.ok()).as(write.output()).isTrue();
        assertThat(Files.readString(dir.resolve("back.txt"))).isEqualTo(content);
        // bob reads /team through the readers group, and may not write there.
        var bobReads = SmbClient.run("/team", "bob", "bob-first-password", dir, "get mine.txt bob.txt");
        assertThat(bobReads.ok()).as(bobReads.output()).isTrue();
        assertThat(SmbClient.run("/team", "bob", "bob-first-password", dir, "put mine.txt bob.txt").output())
                .contains("NT_STATUS_ACCESS_DENIED");
    }

    /**
     * alice's {@code read} on /docs: a share she has no grant on refuses her at tree connect as well, so first she
     * lists it and downloads a file (put there by bob, given read-write for this test); only then is her write refused.
     */
    @Test
    void overSmbAReadGrantListsAndDownloadsButDoesNotWrite() throws Exception {
        var list = SmbClient.run("/docs", "alice", "alice-first-password", dir, "ls");
        assertThat(list.ok()).as(list.output()).isTrue();
        edit(NAME, s -> s.getSpec().getShares().get(1).getGrants().add(grant("bob", AccessLevel.READ_WRITE)));
        String content = "put on /docs by bob " + UUID.randomUUID();
        Files.writeString(dir.resolve("doc.txt"), content);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> SmbClient.run("/docs", "bob",
                "bob-first-password", dir, "put doc.txt doc.txt").ok());
        var listed = SmbClient.run("/docs", "alice", "alice-first-password", dir, "ls");
        assertThat(listed.ok()).as(listed.output()).isTrue();
        assertThat(listed.output()).contains("doc.txt");
        var read = SmbClient.run("/docs", "alice", "alice-first-password", dir, "get doc.txt alice-doc.txt");
        assertThat(read.ok()).as(read.output()).isTrue();
        assertThat(Files.readString(dir.resolve("alice-doc.txt"))).isEqualTo(content);
        var refused = SmbClient.run("/docs", "alice", "alice-first-password", dir, "put mine.txt mine.txt");
        assertThat(refused.output()).contains("NT_STATUS_ACCESS_DENIED").doesNotContain("tree connect failed");
    }

    /**
     * {@code enabled: false} refuses the login and, over NFS, the grants, but keeps the account and its UID; true
     * lets it in again by both protocols.
     */
    @Test
    void aDisabledUserIsRefusedAndKeepsTheAccount() {
        edit(NAME, s -> s.getSpec().getUsers().get(0).setEnabled(false));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> SmbClient.run("/team", "alice",
                "alice-first-password", dir, "ls").output().contains("NT_STATUS_LOGON_FAILURE"));
        DfsRest rest = dfsAsAdmin();
        JsonNode alice = rest.user("alice");
        assertThat(alice.path("enabled").asBoolean(true)).as(alice.toString()).isFalse();
        assertThat(alice.path("uid").asLong()).isEqualTo(1001);
        await().atMost(TIMEOUT).until(() -> get(NAME).getStatus().getUsers().stream().anyMatch(u -> "alice"
                .equals(u.getName()) && "as declared (disabled)".equals(u.getMessage())));
        var bob = SmbClient.run("/team", "bob", "bob-first-password", dir, "ls");
        assertThat(bob.ok()).as("bob is not disturbed: " + bob.output()).isTrue();
        // NFS carries no password and dfs does not look at enabled there: the operator takes her grants away
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> nfsList("team", 1001).exitCode() != 0);

        edit(NAME, s -> s.getSpec().getUsers().get(0).setEnabled(true));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> SmbClient.run("/team", "alice",
                "alice-first-password", dir, "ls").ok());
        assertThat(rest.user("alice").path("enabled").asBoolean(false)).isTrue();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> nfsList("team", 1001).exitCode() == 0);
    }

    /**
     * A declared uid that an account made by hand holds: dfs refuses the user and the condition names it; a free uid
     * fixes it.
     */
    @Test
    void aUidTakenByAHandMadeAccountIsUserRejectedUntilFixed() {
        DfsRest rest = dfsAsAdmin();
        rest.createUser("frank", "frank-by-hand-1", 1500);
        try {
            admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                    .withName("erin-password").endMetadata().withStringData(Map.of("password", "erin-password-one"))
                    .build()).create();
            edit(NAME, s -> {
                UserSpec erin = user("erin", "erin-password");
                erin.setUid(1500L);
                s.getSpec().getUsers().add(erin);
            });
            await().atMost(TIMEOUT).until(() -> condition(NAME, "DataPlaneReady").map(c -> "False".equals(
                    c.getStatus()) && "UserRejected".equals(c.getReason()) && c.getMessage().contains("erin"))
                    .orElse(false));
            assertThat(get(NAME).getStatus().getUsers()).filteredOn(u -> "erin".equals(u.getName()))
                    .singleElement().satisfies(u -> assertThat(u.getReady()).isFalse());
            var alice = SmbClient.run("/team", "alice", "alice-first-password", dir, "ls");
            assertThat(alice.ok()).as("the other users stay converged: " + alice.output()).isTrue();

            edit(NAME, s -> s.getSpec().getUsers().get(2).setUid(1501L));
            await().atMost(TIMEOUT).until(() -> condition(NAME, "DataPlaneReady").map(c -> "True".equals(
                    c.getStatus()) && "Converged".equals(c.getReason())).orElse(false));
            assertThat(rest.user("erin").path("uid").asLong()).isEqualTo(1501);
        } finally {
            rest.deleteUser("frank");
        }
    }

    /**
     * A declared name that is an account made by hand: adopted as declared (an event says so), left in dfs once
     * removed from the spec, deleted once declared absent.
     */
    @Test
    void aDeclaredNameAdoptsTheAccountMadeByHandRemovingItLeavesItAndAbsentDeletesIt() {
        DfsRest rest = dfsAsAdmin();
        rest.createUser("gina", "gina-by-hand-1");
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("gina-password").endMetadata().withStringData(Map.of("password", "gina-declared-1"))
                .build()).create();
        edit(NAME, s -> {
            UserSpec gina = user("gina", "gina-password");
            gina.setUid(1600L);
            s.getSpec().getUsers().add(gina);
            s.getSpec().getShares().get(1).getGrants().add(grant("gina", AccessLevel.READ));
        });
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> SmbClient.run("/docs", "gina",
                "gina-declared-1", dir, "ls").ok());
        assertThat(SmbClient.run("/docs", "gina", "gina-by-hand-1", dir, "ls").output())
                .contains("NT_STATUS_LOGON_FAILURE");
        assertThat(rest.user("gina").path("uid").asLong()).isEqualTo(1600);
        await().atMost(TIMEOUT).until(() -> get(NAME).getStatus().getAdoptedUsers() != null
                && get(NAME).getStatus().getAdoptedUsers().contains("gina"));
        assertThat(get(NAME).getStatus().getManagedUsers()).as("adopted, not created").doesNotContain("gina");
        assertThat(rest.user("gina").path("display_name").asText()).as("no operator mark on a hand-made account")
                .isEmpty();
        await().atMost(TIMEOUT).until(() -> admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(e -> "DataPlaneChanged".equals(e.getReason())
                        && e.getMessage().startsWith("Adopted user gina, which existed in dfs before it was declared")));

        edit(NAME, s -> {
            s.getSpec().getUsers().removeIf(u -> "gina".equals(u.getName()));
            s.getSpec().getShares().get(1).getGrants().removeIf(g -> "gina".equals(g.getUser()));
        });
        await().atMost(TIMEOUT).until(() -> get(NAME).getStatus().getAdoptedUsers() == null
                && conditionIs(NAME, "DataPlaneReady", "True"));
        assertThat(rest.userNames()).as("removing the declaration deletes nothing").contains("gina");
        assertThat(SmbClient.run("/docs", "gina", "gina-declared-1", dir, "ls").ok())
                .as("the account and its grant stay as they were").isTrue();

        edit(NAME, s -> {
            UserSpec gina = new UserSpec();
            gina.setName("gina");
            gina.setEnsure(Ensure.ABSENT);
            s.getSpec().getUsers().add(gina);
        });
        await().atMost(TIMEOUT).until(() -> !rest.userNames().contains("gina"));
    }

    /**
     * With a NodePort -file Service each share's status tells the NodePort-based mount source and UNC path; with a
     * LoadBalancer, nothing until it has an address, then that address with the Service's ports.
     */
    @Test
    void aNodePortServiceGivesEachShareItsExternalEndpoints() {
        edit(NAME, s -> s.getSpec().getService().setType(ServiceType.NodePort));
        await().atMost(TIMEOUT).until(() -> nodePort(Ports.NFS) != null && nodePort(Ports.SMB) != null);
        int nfs = nodePort(Ports.NFS);
        int smb = nodePort(Ports.SMB);
        String node = "<node-address>";
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(NAME).getStatus().getShares())
                .extracting(ShareStatus::getName, ShareStatus::getExternalEndpoints).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/team", new ShareEndpoints(node + ":/team", nfs,
                                "\\\\" + node + "\\team", smb)),
                        org.assertj.core.groups.Tuple.tuple("/docs", new ShareEndpoints(node + ":/docs", nfs,
                                "\\\\" + node + "\\docs", smb)),
                        org.assertj.core.groups.Tuple.tuple("/scratch", new ShareEndpoints(node + ":/scratch", nfs,
                                "\\\\" + node + "\\scratch", smb))));
        assertThat(get(NAME).getStatus().getShares().get(0).getEndpoints().getNfsPort()).isEqualTo(2049);

        // a LoadBalancer without an address yet gives no external endpoint; once it has one, its address and ports
        edit(NAME, s -> s.getSpec().getService().setType(ServiceType.LoadBalancer));
        await().atMost(TIMEOUT).until(() -> get(NAME).getStatus().getShares().stream()
                .allMatch(share -> share.getExternalEndpoints() == null));
        admin.services().inNamespace(namespace).withName(NAME + "-file").editStatus(svc -> {
            svc.getStatus().setLoadBalancer(new io.fabric8.kubernetes.api.model.LoadBalancerStatusBuilder()
                    .addNewIngress().withIp("203.0.113.10").endIngress().build());
            return svc;
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(NAME).getStatus().getShares().get(0)
                .getExternalEndpoints()).isEqualTo(new ShareEndpoints("203.0.113.10:/team", 2049,
                        "\\\\203.0.113.10\\team", 445)));

        edit(NAME, s -> s.getSpec().getService().setType(ServiceType.ClusterIP));
        await().atMost(TIMEOUT).until(() -> get(NAME).getStatus().getShares().stream()
                .allMatch(share -> share.getExternalEndpoints() == null));
    }

    private static Integer nodePort(String name) {
        var service = admin.services().inNamespace(namespace).withName(NAME + "-file").get();
        return service.getSpec().getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .map(io.fabric8.kubernetes.api.model.ServicePort::getNodePort).orElse(null);
    }

    private static ShareGrant grant(String user, AccessLevel level) {
        ShareGrant grant = new ShareGrant();
        grant.setUser(user);
        grant.setLevel(level);
        return grant;
    }

    @Test
    void overNfsRootIsSquashedWhereTheShareSaysAndAUsersUidWrites() {
        // root is squashed to a guest on /team (everyone else: none), and stays root on /scratch (squash none);
        // a client sending alice's UID writes on /team.
        Path local = dir.resolve("mine.txt");
        assertThat(nfsCopy(local, "team", 0).exitCode()).as("root, squashed to a guest, on /team").isNotZero();
        var asRoot = nfsCopy(local, "scratch", 0);
        assertThat(asRoot.exitCode()).as(asRoot.output()).isZero();
        var asAlice = nfsCopy(local, "team", 1001);
        assertThat(asAlice.exitCode()).as(asAlice.output()).isZero();
        assertThat(nfsCopy(local, "team", 4242).exitCode()).as("an unknown UID on /team").isNotZero();
    }

    /**
     * The guide's PersistentVolume on /team, mounted by a kubelet as root for a pod running as alice's UID. dfs checks
     * no grant for MOUNT and the root's attributes (FSINFO, GETATTR), so root mounts; root itself (squashed, and
     * checked as dfs's admin, UID 0, which has no grant there) may not list the share; alice's UID lists and writes,
     * and her files are hers.
     */
    @Test
    void aMountAsRootOnTeamGoesThroughAndOnlyAlicesUidGetsIn() {
        var asRoot = nfsList("team", 0);
        assertThat(asRoot.exitCode()).as(asRoot.output()).isNotZero();
        assertThat(asRoot.output()).as("mounted, then refused the listing").contains("READDIRPLUS")
                .contains("NFS3ERR_ACCES");
        String name = "alice-" + UUID.randomUUID() + ".txt";
        var write = nfsCopy(dir.resolve("mine.txt"), "team", 1001, name);
        assertThat(write.exitCode()).as(write.output()).isZero();
        var list = nfsList("team", 1001);
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output().lines().filter(l -> l.contains(name))).as(list.output())
                .singleElement().asString().containsPattern("\\s1001\\s+1001\\s");
    }

    /**
     * A group grant over NFS: bob reaches /team through the readers group (the share gate looks up his dfs groups),
     * but the share root's ACL has the group's GID, so his client must send gid 3000 in its AUTH_SYS credentials.
     */
    @Test
    void overNfsAGroupGrantNeedsTheGroupsGidInTheCredentials() {
        var withGid = nfsList("team", 1002, 3000);
        assertThat(withGid.exitCode()).as(withGid.output()).isZero();
        var withoutGid = nfsList("team", 1002, 1002);
        assertThat(withoutGid.exitCode()).as(withoutGid.output()).isNotZero();
        assertThat(withoutGid.output()).contains("NFS3ERR_ACCES");
    }

    @Test
    void aRotatedPasswordIsTakenWithoutRestartingThePod() throws Exception {
        String configHash = get(NAME).getStatus().getConfigHash();
        String podUid = admin.pods().inNamespace(namespace).withName(NAME + "-0").get().getMetadata().getUid();
        admin.secrets().inNamespace(namespace).withName("alice-password").edit(s -> {
            s.setData(Map.of("password", Base64.getEncoder().encodeToString(
                    "alice-second-password".getBytes(StandardCharsets.UTF_8))));
            s.setStringData(null);
            return s;
        });
        long rotated = System.nanoTime();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> SmbClient.run("/team", "alice",
                "alice-second-password", dir, "ls").ok());
        System.out.printf("ACCESS password rotation over SMB: %.1f s%n", (System.nanoTime() - rotated) / 1e9);
        assertThat(SmbClient.run("/team", "alice", "alice-first-password", dir, "ls").output())
                .contains("NT_STATUS_LOGON_FAILURE");
        assertThat(admin.pods().inNamespace(namespace).withName(NAME + "-0").get().getMetadata().getUid())
                .as("no restart for a password").isEqualTo(podUid);
        assertThat(get(NAME).getStatus().getConfigHash()).isEqualTo(configHash);
        assertNoPasswordLeaked("alice-first-password", "alice-second-password", "bob-first-password");
    }

    /**
     * Users and groups the operator created stay in dfs when removed from the spec, named in DataPlaneReady, their
     * Secrets no longer watched; declared absent, they are deleted. An account made by hand is never touched.
     */
    @Test
    void aUserRemovedFromTheSpecStaysAndIsNamedAndEnsureAbsentDeletesIt() {
        DfsRest rest = dfsAsAdmin();
        rest.createUser("carol", "carol-by-hand-1");
        assertThat(rest.user("bob").path("display_name").asText()).isEqualTo(Names.DFS_CREATED_MARK);
        edit(NAME, s -> {
            s.getSpec().setUsers(new ArrayList<>(List.of(s.getSpec().getUsers().get(0))));
            s.getSpec().getShares().get(0).getGrants().removeIf(g -> g.getGroup() != null);
            s.getSpec().setGroups(null);
        });
        await().atMost(TIMEOUT).until(() -> condition(NAME, "DataPlaneReady").map(c -> "True".equals(c.getStatus())
                && c.getMessage().contains("no longer declared and left in dfs: user bob, group readers")).orElse(false));
        assertThat(rest.userNames()).contains("admin", "alice", "bob", "carol");
        assertThat(rest.groupNames()).contains("readers");
        assertThat(get(NAME).getStatus().getManagedUsers()).containsExactly("alice", "bob");
        assertThat(SmbClient.run("/team", "bob", "bob-first-password", dir, "ls").ok())
                .as("left as it was, password and all").isTrue();
        await().atMost(TIMEOUT).until(() -> !admin.secrets().inNamespace(namespace).withName("bob-password").get()
                .getMetadata().getLabels().containsKey(Labels.WATCHED_SECRET));

        edit(NAME, s -> {
            UserSpec bob = new UserSpec();
            bob.setName("bob");
            bob.setEnsure(Ensure.ABSENT);
            s.getSpec().getUsers().add(bob);
            GroupSpec readers = new GroupSpec();
            readers.setName("readers");
            readers.setEnsure(Ensure.ABSENT);
            s.getSpec().setGroups(new ArrayList<>(List.of(readers)));
        });
        await().atMost(TIMEOUT).until(() -> !rest.userNames().contains("bob") && !rest.groupNames().contains("readers"));
        await().atMost(TIMEOUT).until(() -> List.of("alice").equals(get(NAME).getStatus().getManagedUsers())
                && get(NAME).getStatus().getManagedGroups() == null
                && condition(NAME, "DataPlaneReady").map(c -> !c.getMessage().contains("left in dfs")).orElse(false));
        assertThat(rest.userNames()).contains("admin", "alice", "carol");
        assertThat(SmbClient.run("/team", "bob", "bob-first-password", dir, "ls").output())
                .contains("NT_STATUS_LOGON_FAILURE");
    }

    @Test
    void aUserWhoseSecretComesLaterIsReportedThenWorks() throws Exception {
        edit(NAME, s -> {
            s.getSpec().getUsers().add(user("dave", "dave-password"));
            com.dittofs.operator.api.v1alpha1.ShareGrant read = new com.dittofs.operator.api.v1alpha1.ShareGrant();
            read.setUser("dave");
            read.setLevel(com.dittofs.operator.api.v1alpha1.AccessLevel.READ);
            s.getSpec().getShares().get(2).setGrants(new ArrayList<>(List.of(read)));
        });
        await().atMost(TIMEOUT).until(() -> condition(NAME, "DataPlaneReady").map(c -> "False".equals(c.getStatus())
                && "UserSecretMissing".equals(c.getReason()) && c.getMessage().contains("dave-password"))
                .orElse(false));
        // as the guide and TROUBLESHOOTING.md say: the server is Failed, its shares are still served
        await().atMost(TIMEOUT).until(() -> condition(NAME, "Ready").map(c -> "False".equals(c.getStatus())
                && "DataPlaneNotReady".equals(c.getReason())).orElse(false)
                && com.dittofs.operator.api.v1alpha1.Phase.Failed == get(NAME).getStatus().getPhase());
        var alice = SmbClient.run("/team", "alice", "alice-first-password", dir, "ls");
        assertThat(alice.ok()).as(alice.output()).isTrue();
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("dave-password").endMetadata().withStringData(Map.of("password", "dave-password-one"))
                .build()).create();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> SmbClient.run("/scratch", "dave",
                "dave-password-one", dir, "ls").ok());
        awaitCondition(NAME, "DataPlaneReady", "True");
        assertNoPasswordLeaked("alice-first-password", "bob-first-password", "dave-password-one");
    }

    /** No password in what the operator writes (status, events, the pod) nor in its log. */
    private static void assertNoPasswordLeaked(String... passwords) throws java.io.IOException {
        SecretScanner scanner = new SecretScanner();
        for (String password : passwords) {
            scanner.watch("a user's password", password);
        }
        List<List<? extends HasMetadata>> kinds = List.of(
                admin.configMaps().inNamespace(namespace).list().getItems(),
                admin.v1().events().inNamespace(namespace).list().getItems(),
                servers().inNamespace(namespace).list().getItems(),
                admin.apps().statefulSets().inNamespace(namespace).list().getItems(),
                admin.pods().inNamespace(namespace).list().getItems());
        kinds.forEach(objects -> objects.forEach(o -> scanner.scan(o.getKind() + " " + o.getMetadata().getName(),
                io.fabric8.kubernetes.client.utils.Serialization.asJson(o))));
        scanner.scan("the operator's log", Files.readString(
                io.quarkus.test.common.PropertyTestUtil.getLogFilePath(), StandardCharsets.UTF_8));
        assertThat(scanner.findings()).isEmpty();
    }

    @Test
    void grantsToUndeclaredUsersOrGroupsAreRejectedAtAdmission() {
        DittoServer server = (DittoServer) GuideBlocks.objects("USING_SHARES.md",
                GUIDE_BLOCK).stream().filter(DittoServer.class::isInstance)
                .findFirst().orElseThrow();
        server.getMetadata().setName("undeclared");
        server.getSpec().getShares().get(1).getGrants().get(0).setUser("mallory");
        assertRejected(server, "shares[].grants[].user must name a user declared in spec.users");

        server.getSpec().getShares().get(1).getGrants().get(0).setUser("alice");
        server.getSpec().getUsers().get(1).setGroups(List.of("writers"));
        assertRejected(server, "users[].groups must name groups declared in spec.groups");

        server.getSpec().getUsers().get(1).setGroups(List.of("readers"));
        server.getSpec().getUsers().get(1).setUid(1001L);
        assertRejected(server, "users[].uid must be unique");

        server.getSpec().getUsers().get(1).setUid(1002L);
        server.getSpec().getUsers().get(1).setName("admin");
        assertRejected(server, "admin is dfs's bootstrap account");
    }

    /** The guide's static PersistentVolume, claim and pod, with the -file Service's real ClusterIP: bound, running. */
    @Test
    void theGuidesNfsPersistentVolumeBindsAndItsPodRuns() {
        DittoServer guide = (DittoServer) GuideBlocks.objects("USING_SHARES.md",
                GUIDE_BLOCK).stream().filter(DittoServer.class::isInstance)
                .findFirst().orElseThrow();
        guide.getMetadata().setName("pv-files");
        String name = create(guide).getMetadata().getName();
        await().atMost(TIMEOUT).until(() -> admin.services().inNamespace(namespace).withName(name + "-file")
                .get() != null);
        String clusterIp = admin.services().inNamespace(namespace).withName(name + "-file").get().getSpec()
                .getClusterIP();
        String pvName = "team-files-scratch-" + namespace;
        for (HasMetadata object : GuideBlocks.objects("USING_SHARES.md",
                "AccessIT applies the next block, with the real ClusterIP")) {
            if (object instanceof io.fabric8.kubernetes.api.model.PersistentVolume pv) {
                assertThat(pv.getSpec().getNfs().getPath()).isEqualTo("/scratch");
                pv.getSpec().getNfs().setServer(clusterIp);
                pv.getMetadata().setName(pvName); // cluster-scoped: one per test namespace
                admin.resource(pv).serverSideApply();
                continue;
            }
            if (object instanceof io.fabric8.kubernetes.api.model.PersistentVolumeClaim pvc) {
                pvc.getSpec().setVolumeName(pvName);
            }
            object.getMetadata().setNamespace(namespace);
            admin.resource(object).serverSideApply();
        }
        try {
            await().atMost(TIMEOUT).until(() -> "Bound".equals(admin.persistentVolumeClaims().inNamespace(namespace)
                    .withName("scratch").get().getStatus().getPhase()));
            await().atMost(TIMEOUT).until(() -> "Running".equals(admin.pods().inNamespace(namespace)
                    .withName("scratch-writer").get().getStatus().getPhase()));
        } finally {
            admin.pods().inNamespace(namespace).withName("scratch-writer").withGracePeriod(0).delete();
            admin.persistentVolumeClaims().inNamespace(namespace).withName("scratch").delete();
            admin.persistentVolumes().withName(pvName).delete();
        }
    }

    private static void assertRejected(DittoServer server, String message) {
        server.getMetadata().setNamespace(namespace);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> servers().inNamespace(namespace).resource(server)
                .create()).hasMessageContaining(message);
    }

    private static UserSpec user(String name, String secret) {
        UserSpec user = new UserSpec();
        user.setName(name);
        user.setPasswordSecretRef(new SecretKeySelector("password", secret, false));
        return user;
    }

    private static ControlPlane.Result nfsCopy(Path local, String share, int uid) {
        // nfs-cp creates exclusively: a fresh name per call
        return nfsCopy(local, share, uid, "f-" + UUID.randomUUID() + ".txt");
    }

    private static ControlPlane.Result nfsCopy(Path local, String share, int uid, String name) {
        return ControlPlane.exec(List.of("nfs-cp", local.toString(), nfsUrl(share + "/" + name, uid)), 60);
    }

    /** nfs-ls: MOUNT, the share root's attributes (FSINFO, GETATTR), then its listing (READDIRPLUS). */
    private static ControlPlane.Result nfsList(String share, int uid) {
        return nfsList(share, uid, uid);
    }

    private static ControlPlane.Result nfsList(String share, int uid, int gid) {
        return ControlPlane.exec(List.of("nfs-ls", nfsUrl(share, uid, gid)), 60);
    }

    /** libnfs sends the uid and gid given in the URL (AUTH_SYS). */
    private static String nfsUrl(String path, int uid) {
        return nfsUrl(path, uid, uid);
    }

    private static String nfsUrl(String path, int uid, int gid) {
        return "nfs://127.0.0.1/" + path + "?version=3&nfsport=" + Ports.NFS_CONTAINER + "&mountport="
                + Ports.NFS_CONTAINER + "&uid=" + uid + "&gid=" + gid;
    }

    private static DfsRest dfsAsAdmin() {
        return DfsRest.asAdmin(admin, namespace, NAME, dfs);
    }
}
