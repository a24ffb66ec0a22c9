package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Two replicas with leader election (prod profile): only the leader reconciles; when it is SIGKILLed (no lease
 * release), the standby takes the lease once it expires and converges a server created meanwhile.
 */
class LeaderFailoverIT extends FaultE2E {

    private static final Duration LEASE = LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE;
    private static final Duration RETRY = LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE;
    /** A busy 2-core machine may delay the standby's next attempt beyond the retry period. */
    private static final Duration SLACK = Duration.ofSeconds(15);

    @Test
    void standbyTakesOverWithinTheLeaseTimeAndConvergesANewServer() {
        OperatorProcess first = startOperator("replica-a");
        await().atMost(TIMEOUT).until(() -> "replica-a".equals(leaseHolder()));
        OperatorProcess second = startOperator("replica-b");
        createServer("led-by-a");
        awaitSettled(List.of("led-by-a"), System.nanoTime());
        assertThat(leaseHolder()).as("the standby waits").isEqualTo("replica-a");
        assertThat(second.alive()).isTrue();
        FaultInvariants invariants = new FaultInvariants(admin, namespace).observe();

        long fault = System.nanoTime();
        first.kill();
        createServer("after-failover");
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> "replica-b".equals(leaseHolder()));
        Duration takeover = Duration.ofNanos(System.nanoTime() - fault);
        System.out.printf("leader takeover %.1f s after the kill (lease %d s)%n", takeover.toMillis() / 1000.0,
                LEASE.toSeconds());
        Duration recovery = awaitSettled(List.of("led-by-a", "after-failover"), fault);
        FaultInvariants.printRecovery("leader-kill", recovery);

        assertThat(takeover).as("takeover").isLessThan(LEASE.plus(RETRY).plus(SLACK));
        assertThat(second.alive()).isTrue();
        invariants.observe().assertIntact();
    }
}
