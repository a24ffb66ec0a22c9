package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.LogLevel;
import com.dittofs.operator.fixtures.Fixtures;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The annotation dittofs.dittofs.com/reconcile: paused on the real apiserver: spec edits made while paused change
 * nothing (the Paused condition's observedGeneration proves the operator saw them), removing it converges.
 */
@QuarkusIntegrationTest
class PauseIT extends E2E {

    private static final String ANNOTATION = "dittofs.dittofs.com/reconcile";

    private static String resourceVersion(io.fabric8.kubernetes.api.model.HasMetadata object) {
        return object.getMetadata().getResourceVersion();
    }

    private static boolean event(String server, String reason) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(e -> server.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()));
    }

    @Test
    void editsWhilePausedChangeNothingAndResumingConverges() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("paused");
        create(server);
        awaitReady("paused");
        String pod = admin.pods().inNamespace(namespace).withName("paused-0").get().getMetadata().getUid();
        long observed = get("paused").getStatus().getObservedGeneration();

        edit("paused", s -> s.getMetadata().setAnnotations(Map.of(ANNOTATION, "paused")));
        awaitCondition("paused", "Paused", "True");
        await().atMost(TIMEOUT).until(() -> event("paused", "Paused"));
        var config = admin.configMaps().inNamespace(namespace).withName("paused-config").get();
        var sts = admin.apps().statefulSets().inNamespace(namespace).withName("paused").get();
        var fileService = admin.services().inNamespace(namespace).withName("paused-file").get();

        edit("paused", s -> {
            s.getSpec().getLogging().setLevel(LogLevel.DEBUG);
            s.getSpec().getService().setAnnotations(Map.of("example.com/lb", "internal"));
            s.getSpec().setReplicas(0);
        });
        long edited = get("paused").getMetadata().getGeneration();
        // The operator has seen the edit (it acknowledges the pause for this generation) and acted on none of it.
        await().atMost(TIMEOUT).until(() -> condition("paused", "Paused")
                .map(c -> c.getObservedGeneration() == edited).orElse(false));
        assertThat(resourceVersion(admin.configMaps().inNamespace(namespace).withName("paused-config").get()))
                .isEqualTo(resourceVersion(config));
        assertThat(resourceVersion(admin.apps().statefulSets().inNamespace(namespace).withName("paused").get()))
                .isEqualTo(resourceVersion(sts));
        assertThat(resourceVersion(admin.services().inNamespace(namespace).withName("paused-file").get()))
                .isEqualTo(resourceVersion(fileService));
        assertThat(admin.pods().inNamespace(namespace).withName("paused-0").get().getMetadata().getUid())
                .isEqualTo(pod);
        assertThat(get("paused").getStatus().getObservedGeneration()).isEqualTo(observed);
        assertThat(condition("paused", "Ready")).get().satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));

        edit("paused", s -> s.getMetadata().getAnnotations().remove(ANNOTATION));

        await().atMost(TIMEOUT).until(() -> condition("paused", "Paused").isEmpty());
        await().atMost(TIMEOUT).until(() -> event("paused", "Resumed"));
        await().atMost(TIMEOUT).until(() -> admin.configMaps().inNamespace(namespace).withName("paused-config")
                .get().getData().get("config.yaml").contains("level: DEBUG"));
        await().atMost(TIMEOUT).until(() -> "internal".equals(admin.services().inNamespace(namespace)
                .withName("paused-file").get().getMetadata().getAnnotations().get("example.com/lb")));
        await().atMost(TIMEOUT).until(() -> get("paused").getStatus().getPhase().name().equals("Stopped"));
        await().atMost(TIMEOUT).until(() -> admin.pods().inNamespace(namespace).withName("paused-0").get() == null);
        assertThat(get("paused").getStatus().getObservedGeneration()).isEqualTo(edited);
    }
}
