package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The apiserver restarts (same port, same etcd data) while servers are being created: the operator reconnects and
 * finishes them. Leader election may make the operator exit while the apiserver is away (it cannot renew its lease);
 * then it is started again, as a kubelet would.
 */
class ApiServerRestartIT extends FaultE2E {

    @Test
    void serversBeingCreatedWhenTheApiServerRestartsAllBecomeReady() {
        OperatorProcess operator = startOperator("operator-0").restartingOnExit();
        List<String> ready = names("before", 2);
        ready.forEach(FaultE2E::createServer);
        awaitSettled(ready, System.nanoTime());
        FaultInvariants invariants = new FaultInvariants(admin, namespace).observe();

        List<String> inFlight = names("during", 5);
        inFlight.forEach(FaultE2E::createServer);
        invariants.observe(); // whatever of theirs exists already must survive too
        long fault = System.nanoTime();
        cluster.restartApiServer();
        System.out.printf("apiserver down and up again in %.1f s%n", (System.nanoTime() - fault) / 1e9);

        List<String> all = new ArrayList<>(ready);
        all.addAll(inFlight);
        Duration recovery = awaitSettled(all, fault);
        FaultInvariants.printRecovery("apiserver-restart", recovery);
        System.out.println("operator starts: " + operator.starts());
        invariants.observe().assertIntact();
        assertThat(invariants.pvcsSeen()).as("PVCs of the servers ready before").isGreaterThanOrEqualTo(2);
        assertThat(invariants.generatedSecretsSeen()).isGreaterThanOrEqualTo(4);
    }
}
