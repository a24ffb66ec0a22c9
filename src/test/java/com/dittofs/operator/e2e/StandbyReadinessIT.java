package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the readiness endpoint says on a replica that is not the leader (docs/TROUBLESHOOTING.md, docs/INSTALL.md):
 * ready, like the leader. JOSDK starts a standby's controller (its informers list and watch, so the caches are warm
 * for a takeover) and holds back only its event processing; quarkus-operator-sdk's readiness check looks at the
 * controller's informers, not at the lease. So the Deployment's readinessProbe passes on every replica, the Service
 * (and `helm test` through it) may answer from a standby, and readiness says nothing about who leads.
 */
class StandbyReadinessIT extends FaultE2E {

    private static final String CONTROLLER_STARTED = "'dittoserver' controller started";
    private static final String EVENT_PROCESSING_STARTED = "Started event processing for controller: dittoserver";

    @Test
    void aStandbyIsReadyLikeTheLeader() throws IOException {
        OperatorProcess leader = startOperator("ready-a");
        await().atMost(TIMEOUT).until(() -> "ready-a".equals(leaseHolder()));
        OperatorProcess standby = startOperator("ready-b");

        for (OperatorProcess replica : List.of(leader, standby)) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                OperatorProcess.Http ready = replica.get("/q/health/ready");
                assertThat(ready.status()).as("%s: %s", replica.identity(), ready.body()).isEqualTo(200);
                assertThat(ready.body()).as(replica.identity()).contains("\"dittoserver\": \"OK\"");
            });
        }
        // the standby really is one: it started its informers but not its reconciling (JOSDK's log lines)
        assertThat(leaseHolder()).isEqualTo("ready-a");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(log(leader)).contains(EVENT_PROCESSING_STARTED));
        assertThat(log(standby)).contains(CONTROLLER_STARTED).doesNotContain(EVENT_PROCESSING_STARTED);
    }

    private static String log(OperatorProcess operator) throws IOException {
        return Files.readString(operator.log());
    }
}
