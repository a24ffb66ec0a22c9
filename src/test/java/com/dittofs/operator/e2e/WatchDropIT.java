package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.dittofs.operator.naming.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's connections to the apiserver (its watches among them) are cut by a proxy between the two: the
 * operator reconnects by itself, and an edit made after the cut converges as fast as one made before (well within a
 * minute; without a working watch it would wait for a resync that never comes).
 */
class WatchDropIT extends FaultE2E {

    /** "Normal time" for an edit to converge here, with room for a busy 2-core machine. */
    private static final Duration NORMAL = Duration.ofSeconds(60);
    private static ApiServerProxy proxy;

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** Turns metrics on and returns how long until its Service exists and the server is settled again. */
    private static Duration metricsOn(String name) {
        long start = System.nanoTime();
        edit(name, s -> s.getSpec().getMetrics().setEnabled(true));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> admin.services()
                .inNamespace(namespace).withName(Names.metricsService(get(name))).get() != null);
        return awaitSettled(List.of(name), start);
    }

    @Test
    void editsConvergeAfterTheWatchConnectionsAreCut() throws IOException {
        proxy = new ApiServerProxy(cluster.apiServerPort());
        startOperator("operator-0", proxy.url());
        List<String> servers = names("watch", 4);
        servers.forEach(FaultE2E::createServer);
        awaitSettled(servers, System.nanoTime());
        FaultInvariants invariants = new FaultInvariants(admin, namespace).observe();
        Duration before = metricsOn("watch-00");
        System.out.printf("edit converged in %.1f s before the cut%n", before.toMillis() / 1000.0);

        for (int cut = 1; cut <= 3; cut++) {
            assertThat(proxy.connections()).as("connections through the proxy before cut " + cut).isPositive();
            long fault = System.nanoTime();
            proxy.sever();
            Duration edit = metricsOn("watch-0" + cut);
            Duration recovery = awaitSettled(servers, fault);
            FaultInvariants.printRecovery("watch-drop-" + cut, recovery);
            assertThat(edit).as("edit after cut " + cut).isLessThan(NORMAL);
        }
        invariants.observe().assertIntact();
    }
}
