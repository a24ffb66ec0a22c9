package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.api.Test;

/**
 * The operator SIGKILLed ten times at random points while 20 servers are created and edited, started again each time
 * (same identity, as a restarted container of the same pod): in the end all 20 are Ready with their final spec.
 * The random delays are the fault's timing, not a synchronisation; the seed is printed (-Dfaults.seed replays it).
 */
class OperatorKillIT extends FaultE2E {

    private static final int KILLS = 10;
    private static final List<String> SERVERS = names("kill", 20);

    /** What happens before kill number {@code step}: creations first, then edits of every kind. */
    private static void step(int step) {
        switch (step) {
            case 0 -> SERVERS.subList(0, 10).forEach(FaultE2E::createServer);
            case 1 -> SERVERS.subList(10, 20).forEach(FaultE2E::createServer);
            case 2 -> editAll(0, 7, s -> s.getSpec().getNfs().setPort(12049));
            case 3 -> editAll(7, 14, s -> s.getSpec().getMetrics().setEnabled(true));
            case 4 -> editAll(14, 20, s -> s.getSpec().setPodLabels(Map.of("tier", "gold")));
            case 5 -> editAll(0, 3, s -> s.getSpec().getNfs().setPort(22049));
            case 6 -> editAll(7, 10, s -> s.getSpec().getMetrics().setEnabled(false));
            case 7 -> editAll(0, 6, s -> s.getSpec().setPodLabels(Map.of("tier", "silver")));
            case 8 -> editAll(0, 2, s -> s.getSpec().getMetrics().setEnabled(true));
            default -> {
                // the last kill hits whatever is still converging
            }
        }
    }

    private static void editAll(int from, int to, Consumer<DittoServer> change) {
        SERVERS.subList(from, to).forEach(name -> edit(name, change));
    }

    @Test
    void twentyServersConvergeThroughTenKills() throws InterruptedException {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        System.out.println("OperatorKillIT seed: " + seed);
        Random random = new Random(seed);
        OperatorProcess operator = startOperator("operator-0");
        FaultInvariants invariants = new FaultInvariants(admin, namespace);
        long start = System.nanoTime();
        long lastRestart = start;
        for (int kill = 0; kill < KILLS; kill++) {
            step(kill);
            Thread.sleep(random.nextInt(5000)); // where the kill lands among the reconciles: the fault, not a wait
            operator.kill();
            invariants.observe();
            lastRestart = System.nanoTime();
            operator.start().awaitUp();
        }
        Duration recovery = awaitSettled(SERVERS, lastRestart);
        FaultInvariants.printRecovery("operator-sigkill-x10", recovery);
        System.out.printf("OperatorKillIT: %d kills, all settled %.1f s after the first creation%n", KILLS,
                (System.nanoTime() - start) / 1e9);

        assertThat(get("kill-00").getSpec().getNfs().getPort()).isEqualTo(22049);
        assertThat(get("kill-05").getSpec().getNfs().getPort()).isEqualTo(12049);
        SERVERS.forEach(FinalSpec::assertApplied);
        invariants.observe().assertIntact();
    }

    /** The managed objects say what the server's current spec says. */
    private static final class FinalSpec {
        static void assertApplied(String name) {
            DittoServer server = get(name);
            var services = admin.services().inNamespace(namespace);
            List<ServicePort> ports = services.withName(Names.fileService(server)).get().getSpec().getPorts();
            assertThat(ports).as("NFS port of " + name).anyMatch(p -> Ports.NFS.equals(p.getName())
                    && p.getPort().equals(server.getSpec().getNfs().getPort()));
            assertThat(services.withName(Names.metricsService(server)).get() != null).as("metrics Service of " + name)
                    .isEqualTo(server.getSpec().getMetrics().getEnabled());
            Map<String, String> podLabels = admin.apps().statefulSets().inNamespace(namespace)
                    .withName(Names.statefulSet(server)).get().getSpec().getTemplate().getMetadata().getLabels();
            if (server.getSpec().getPodLabels() != null) {
                assertThat(podLabels).as("pod labels of " + name).containsAllEntriesOf(server.getSpec().getPodLabels());
            }
        }
    }
}
