package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.LogLevel;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** Spec edits reach exactly the objects they concern; the file server restarts only when its inputs change. */
@QuarkusIntegrationTest
class UpdatesIT extends E2E {

    private static DittoServer readyServer(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        create(server);
        awaitReady(name);
        return get(name);
    }

    private static StatefulSet sts(String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get();
    }

    private static String hash(String name) {
        return sts(name).getSpec().getTemplate().getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
    }

    private static String podUid(String name) {
        var pod = admin.pods().inNamespace(namespace).withName(name + "-0").get();
        return pod == null ? null : pod.getMetadata().getUid();
    }

    @Test
    void unrelatedEditUpdatesTheServiceWithoutRestartingTheFileServer() {
        readyServer("unrelated");
        String hash = hash("unrelated");
        long stsGeneration = sts("unrelated").getMetadata().getGeneration();
        String pod = podUid("unrelated");

        edit("unrelated", s -> s.getSpec().getService().setAnnotations(Map.of("example.com/lb", "internal")));

        await().atMost(TIMEOUT).until(() -> "internal".equals(admin.services().inNamespace(namespace)
                .withName("unrelated-file").get().getMetadata().getAnnotations().get("example.com/lb")));
        await().atMost(TIMEOUT).until(() -> get("unrelated").getStatus().getObservedGeneration()
                .equals(get("unrelated").getMetadata().getGeneration()));
        assertThat(hash("unrelated")).isEqualTo(hash);
        assertThat(sts("unrelated").getMetadata().getGeneration()).isEqualTo(stsGeneration);
        assertThat(podUid("unrelated")).isEqualTo(pod);
        assertThat(conditionIs("unrelated", "Ready", "True")).isTrue();
    }

    @Test
    void configEditRollsThePodOnce() {
        DittoServer before = readyServer("rolling");
        String pod = podUid("rolling");

        edit("rolling", s -> s.getSpec().getLogging().setLevel(LogLevel.DEBUG));

        await().atMost(TIMEOUT).until(() -> admin.configMaps().inNamespace(namespace).withName("rolling-config").get()
                .getData().get("config.yaml").contains("level: DEBUG"));
        await().atMost(TIMEOUT).until(() -> !before.getStatus().getConfigHash().equals(hash("rolling")));
        await().atMost(TIMEOUT).until(() -> podUid("rolling") != null && !pod.equals(podUid("rolling")));
        awaitReady("rolling");
        await().atMost(TIMEOUT).until(() -> hash("rolling").equals(get("rolling").getStatus().getConfigHash()));
    }

    @Test
    void metricsServiceFollowsTheToggle() {
        readyServer("metrics");
        edit("metrics", s -> s.getSpec().getMetrics().setEnabled(true));
        await().atMost(TIMEOUT).until(() -> admin.services().inNamespace(namespace).withName("metrics-metrics")
                .get() != null);
        // The Service and the StatefulSet are independent steps of one workflow: either may be written first.
        await().atMost(TIMEOUT).until(() -> sts("metrics").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getPorts().stream().anyMatch(p -> "metrics".equals(p.getName()) && p.getContainerPort() == 9090));
        edit("metrics", s -> s.getSpec().getMetrics().setEnabled(false));
        await().atMost(TIMEOUT).until(() -> admin.services().inNamespace(namespace).withName("metrics-metrics")
                .get() == null);
        awaitReady("metrics");
    }

    @Test
    void scalingToZeroStopsTheServerAndKeepsItsVolumes() {
        readyServer("pausing");
        edit("pausing", s -> s.getSpec().setReplicas(0));
        await().atMost(TIMEOUT).until(() -> get("pausing").getStatus().getPhase().name().equals("Stopped"));
        await().atMost(TIMEOUT).until(() -> podUid("pausing") == null);
        assertThat(condition("pausing", "Ready")).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("Stopped"));
        assertThat(admin.persistentVolumeClaims().inNamespace(namespace).withName("metadata-pausing-0").get())
                .isNotNull();
        edit("pausing", s -> s.getSpec().setReplicas(1));
        awaitReady("pausing");
        assertThat(get("pausing").getStatus().getPhase().name()).isEqualTo("Running");
    }
}
