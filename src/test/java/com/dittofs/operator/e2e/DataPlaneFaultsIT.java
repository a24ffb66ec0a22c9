package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.dittofs.operator.api.v1alpha1.AdminSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.contract.DfsProcess;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * dfs misbehaving behind its pod IP: answering 500 to everything, or hanging. Every server here shares one admin
 * password and one real dfs (only one dfs can run per machine), each reaching it through a {@link FaultyApi} on its
 * own pod IP and API port that forwards or injects a fault.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class DataPlaneFaultsIT extends E2E {

    private static final String ADMIN_SECRET = "fault-admin";
    private static final String PASSWORD = "fault-admin-password-0123456789";
    /** More than the operator's reconcile threads (5) and its data-plane sync threads (4 + 2). */
    private static final int HUNG_SERVERS = 8;

    private static URI dfsUri;
    private static final Map<String, FaultyApi> apis = new LinkedHashMap<>();

    @AfterAll
    static void stopAll() {
        apis.values().forEach(FaultyApi::close);
        if (dfs != null) {
            dfs.close();
        }
    }

    @Test
    void dfsAnswering500ThenHealthy() {
        List<String> servers = List.of("err-a", "err-b");
        servers.forEach(name -> create(server(name)));
        servers.forEach(name -> expose(name, FaultyApi.Mode.FORWARD));
        servers.forEach(E2E::awaitReady);
        servers.forEach(name -> awaitDataPlane(name, "True", "Converged"));
        Map<String, String> claims = Faults.claims(admin, namespace);

        servers.forEach(name -> apis.get(name).mode(FaultyApi.Mode.ERROR_500));
        servers.forEach(name -> touch(name, "500"));
        servers.forEach(name -> awaitDataPlane(name, "False", "ApiError"));
        assertThat(condition("err-a", "DataPlaneReady")).get()
                .satisfies(c -> assertThat(c.getMessage()).contains("HTTP 500").contains("injected fault"));
        assertThat(get("err-a").getStatus().getPhase()).hasToString("Failed");
        assertThat(condition("err-a", "Ready")).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("DataPlaneNotReady"));

        long healed = System.nanoTime();
        servers.forEach(name -> apis.get(name).mode(FaultyApi.Mode.FORWARD));
        servers.forEach(name -> awaitDataPlane(name, "True", "Converged"));
        servers.forEach(E2E::awaitReady);
        Faults.printRecovery("dfs-500", Faults.since(healed));
        assertHealthy(servers, claims);
    }

    @Test
    void hungServersDoNotDelayAHealthyOne() {
        create(server("base"));
        Duration normalFirst = timeToFirstConvergence("base");
        // the first pass of a JVM is slow (class loading, JIT): the normal time is the better of two
        Duration normalOnce = timeToServeNewShare("base", "/normal-1");
        Duration normalTwice = timeToServeNewShare("base", "/normal-2");
        Duration normal = normalOnce.compareTo(normalTwice) < 0 ? normalOnce : normalTwice;

        List<String> hung = IntStream.range(0, HUNG_SERVERS).mapToObj(i -> "hung-" + i).toList();
        hung.forEach(name -> create(server(name)));
        hung.forEach(name -> expose(name, FaultyApi.Mode.HANG));
        hung.forEach(name -> touch(name, "hang"));
        hung.forEach(name -> awaitDataPlane(name, "False", "ServerTimeout"));
        assertThat(get("hung-0").getStatus().getPhase()).as("a timeout is as transient as a refusal")
                .hasToString("Pending");

        create(server("late"));
        Duration lateFirst = timeToFirstConvergence("late");
        Duration lateUnderHang = timeToServeNewShare("late", "/late");
        Duration baseUnderHang = timeToServeNewShare("base", "/base-under-hang");
        System.out.printf("FAULT dfs-hang convergence: without hung servers: first %s, new share %s; with %d hung"
                + " servers: new server first %s, new share %s, existing server new share %s%n",
                Faults.seconds(normalFirst), Faults.seconds(normal), HUNG_SERVERS, Faults.seconds(lateFirst),
                Faults.seconds(lateUnderHang), Faults.seconds(baseUnderHang));
        assertThat(lateFirst).as("a new healthy server converges in its normal time")
                .isLessThan(bound(normalFirst));
        assertThat(lateUnderHang).as("and follows its spec in the normal time").isLessThan(bound(normal));
        assertThat(baseUnderHang).as("an existing healthy server too").isLessThan(bound(normal));
        assertThat(hung).allSatisfy(name -> assertThat(condition(name, "DataPlaneReady")).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("ServerTimeout")));

        Map<String, String> claims = Faults.claims(admin, namespace);
        long healed = System.nanoTime();
        hung.forEach(name -> apis.get(name).mode(FaultyApi.Mode.FORWARD));
        hung.forEach(name -> awaitDataPlane(name, "True", "Converged"));
        Faults.printRecovery("dfs-hang", Faults.since(healed));
        List<String> all = new ArrayList<>(hung);
        all.addAll(List.of("base", "late"));
        assertHealthy(all, claims);
    }

    /**
     * Twice the normal time, plus 5 s for a busy 2-core machine. A healthy server waiting behind a hung one would
     * wait a read timeout (10 s) or more.
     */
    private static Duration bound(Duration normal) {
        return normal.multipliedBy(2).plusSeconds(5);
    }

    /**
     * Once the pod is up, its API is put on the pod IP and the server touched: the time until DataPlaneReady is
     * True. (Without the touch the operator would find the API only at its next retry, up to 15 s later.)
     */
    private static Duration timeToFirstConvergence(String name) {
        expose(name, FaultyApi.Mode.FORWARD);
        long start = System.nanoTime();
        touch(name, "up");
        awaitDataPlane(name, "True", "Converged");
        return Faults.since(start);
    }

    /** Adds a share to the spec; the time until the status shows it served. */
    private static Duration timeToServeNewShare(String name, String share) {
        long start = System.nanoTime();
        edit(name, s -> {
            ShareSpec added = new ShareSpec();
            added.setName(share);
            List<ShareSpec> shares = new ArrayList<>(s.getSpec().getShares());
            shares.add(added);
            s.getSpec().setShares(shares);
        });
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            DittoServer server = get(name);
            return conditionIs(name, "DataPlaneReady", "True") && server.getStatus().getShares() != null
                    && server.getStatus().getShares().stream()
                            .anyMatch(s -> share.equals(s.getName()) && Boolean.TRUE.equals(s.getReady()));
        });
        return Faults.since(start);
    }

    private static void assertHealthy(List<String> servers, Map<String, String> claimsBefore) {
        servers.forEach(name -> {
            assertThat(conditionIs(name, "Ready", "True")).as(name + " Ready").isTrue();
            assertThat(get(name).getStatus().getShares()).as(name + " shares").allMatch(ShareStatus::getReady);
        });
        Faults.assertNoDuplicates(new DfsRest(dfsUri, PASSWORD).allObjectNames());
        assertThat(Faults.claims(admin, namespace)).as("no PVC lost or re-created")
                .containsAllEntriesOf(claimsBefore);
    }

    private static void awaitDataPlane(String name, String status, String reason) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> condition(name, "DataPlaneReady")
                .map(c -> status.equals(c.getStatus()) && reason.equals(c.getReason())).orElse(false));
    }

    /** A spec change that touches nothing in dfs: makes the operator look again now rather than at its next retry. */
    private static void touch(String name, String value) {
        edit(name, s -> s.getSpec().getService().setAnnotations(Map.of("touch", value)));
    }

    /** The basic sample on its own API port, with the shared admin password. */
    private static DittoServer server(String name) {
        if (admin.secrets().inNamespace(namespace).withName(ADMIN_SECRET).get() == null) {
            var secret = Fixtures.secret(ADMIN_SECRET, Map.of("password", PASSWORD));
            secret.getMetadata().setNamespace(namespace);
            admin.resource(secret).create();
        }
        DittoServer server = Fixtures.basic();
        server.setMetadata(new ObjectMetaBuilder().withName(name).build());
        server.getSpec().getControlPlane().setPort(FaultyApi.freePort());
        // plain HTTP on request: the fault injector answers in place of dfs, which it could not over verified TLS
        com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec tls = new com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec();
        tls.setMode(com.dittofs.operator.api.v1alpha1.TlsMode.DISABLED);
        server.getSpec().getControlPlane().setTls(tls);
        AdminSpec adminSpec = new AdminSpec();
        adminSpec.setPasswordSecretRef(new SecretKeySelector("password", ADMIN_SECRET, false));
        if (server.getSpec().getIdentity() == null) {
            server.getSpec().setIdentity(new IdentitySpec());
        }
        server.getSpec().getIdentity().setAdmin(adminSpec);
        return server;
    }

    /** Puts the server's API on its pod IP: the shared dfs (started for the first pod) behind a FaultyApi. */
    private static void expose(String name, FaultyApi.Mode mode) {
        String pod = name + "-0";
        String ip = await().atMost(TIMEOUT).until(() -> {
            var p = admin.pods().inNamespace(namespace).withName(pod).get();
            return p == null || p.getStatus() == null ? null : p.getStatus().getPodIP();
        }, java.util.Objects::nonNull);
        if (dfs == null) {
            int port = FaultyApi.freePort();
            dfs = Kubelet.run(admin, namespace, pod, DfsProcess.loopback(port, null));
            dfsUri = URI.create("http://127.0.0.1:" + port + "/");
        }
        apis.put(name, FaultyApi.start(ip, get(name).getSpec().getControlPlane().getPort(), dfsUri, mode));
    }
}
