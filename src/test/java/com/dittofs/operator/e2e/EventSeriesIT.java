package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A Warning that comes back is counted on its Event (core v1 count and lastTimestamp, as client-go's recorder does),
 * not written as another Event: a Secret deleted, re-created and deleted again is one SecretMissing Event, count 2.
 */
@QuarkusIntegrationTest
class EventSeriesIT extends E2E {

    private static List<Event> events(String server, String reason) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> server.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
                .toList();
    }

    private static void awaitMissing(String server) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> condition(server, "Ready")
                .map(c -> "False".equals(c.getStatus()) && "SecretMissing".equals(c.getReason())).orElse(false));
    }

    private static Secret secret(String name) {
        Secret secret = Fixtures.secret(name, Map.of("password", "first-password"));
        secret.getMetadata().setNamespace(namespace);
        return secret;
    }

    @Test
    void aRepeatedWarningIncrementsTheCountOfOneEvent() {
        admin.resource(secret("flap-admin")).create();
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("flap");
        create(Fixtures.withAdminSecret(server, "flap-admin"));
        awaitReady("flap");

        for (int round = 1; round <= 2; round++) {
            admin.secrets().inNamespace(namespace).withName("flap-admin").delete();
            awaitMissing("flap");
            int expected = round;
            await().atMost(TIMEOUT).until(() -> events("flap", "SecretMissing").stream()
                    .mapToInt(e -> e.getCount() == null ? 1 : e.getCount()).sum() == expected);
            admin.resource(secret("flap-admin")).create();
            awaitReady("flap");
        }

        List<Event> missing = events("flap", "SecretMissing");
        assertThat(missing).as("one Event, counted twice").hasSize(1);
        Event event = missing.get(0);
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getCount()).isEqualTo(2);
        assertThat(event.getLastTimestamp()).isGreaterThanOrEqualTo(event.getFirstTimestamp());
        // the same Event through the events.k8s.io/v1 API
        var series = admin.events().v1().events().inNamespace(namespace).withName(event.getMetadata().getName())
                .get();
        assertThat(series.getDeprecatedCount()).isEqualTo(2);
    }
}
