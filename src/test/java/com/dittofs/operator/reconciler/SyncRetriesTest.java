package com.dittofs.operator.reconciler;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.dataplane.Ownership;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dataplane.SyncBackoff;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.testing.FakeClock;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

/** A rejected admin password is not tried every 15 s forever; an edit of the spec or a Secret tries at once. */
class SyncRetriesTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SyncRetries retries = new SyncRetries(new SyncBackoff(Duration.ofSeconds(15),
            Duration.ofMinutes(5)), clock);
    private final DittoServer server = Fixtures.basic();
    private final ResourceID id = ResourceID.fromResource(server);
    private static final DataPlaneOutcome REJECTED = new DataPlaneOutcome(false,
            ConditionTypes.REASON_ADMIN_LOGIN_REJECTED, "dfs refused the admin login.", null, Ownership.none());

    private static Map<String, Secret> secret(String resourceVersion) {
        return Map.of("admin", new SecretBuilder().withNewMetadata().withName("admin")
                .withResourceVersion(resourceVersion).endMetadata().build());
    }

    private String key(long generation, String secretVersion) {
        server.getMetadata().setGeneration(generation);
        return SyncRetries.resetKey(server, secret(secretVersion), "pw", "pod-1");
    }

    @Test
    void aRejectedLoginIsRetriedLessAndLessOftenUntilTheSecretChanges() {
        String key = key(1, "7");
        assertThat(retries.due(id, key)).isTrue();
        retries.finished(id, key, REJECTED);
        assertThat(retries.due(id, key)).isFalse();
        assertThat(retries.nextIn(id)).contains(Duration.ofMillis(15_100));
        assertThat(retries.annotate(id, key, REJECTED).conditionMessage()).isEqualTo("dfs refused the admin login."
                + " Attempt 1 failed; the next is at 10:00:15 UTC (after 15 s, doubling on each failure), or at once"
                + " when the spec or a referenced Secret changes.");
        // Ready's message (and so its one Warning event) does not change from one attempt to the next
        assertThat(retries.annotate(id, key, REJECTED).message()).isEqualTo("dfs refused the admin login.");
        clock.advance(Duration.ofSeconds(15));
        assertThat(retries.due(id, key)).isTrue();
        retries.finished(id, key, REJECTED);
        clock.advance(Duration.ofSeconds(29));
        assertThat(retries.due(id, key)).isFalse();
        assertThat(retries.nextIn(id)).contains(Duration.ofMillis(1_100));

        // the user fixes the password Secret, or edits the spec: at once
        assertThat(retries.due(id, key(1, "8"))).isTrue();
        assertThat(retries.due(id, key(2, "7"))).isTrue();
        assertThat(retries.annotate(id, key(1, "8"), REJECTED).conditionMessage()).isEqualTo("dfs refused the admin login.");
    }

    @Test
    void aSuccessForgetsTheFailures() {
        String key = key(1, "7");
        retries.finished(id, key, REJECTED);
        retries.finished(id, key, new DataPlaneOutcome(true, ConditionTypes.REASON_CONVERGED, "ok", null,
                Ownership.none()));
        assertThat(retries.due(id, key)).isTrue();
        assertThat(retries.nextIn(id)).isEmpty();
    }

    @Test
    void theKeyNeverHoldsThePassword() {
        assertThat(SyncRetries.resetKey(server, secret("1"), "hunter2-very-secret", "pod")).doesNotContain("hunter2");
    }
}
