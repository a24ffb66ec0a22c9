package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** A new spec.image rolls the single server pod exactly once, and nothing rolls it again afterwards. */
@QuarkusIntegrationTest
class ImageUpgradeIT extends E2E {

    private static StatefulSet sts(String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get();
    }

    private static String podUid(String name) {
        Pod pod = admin.pods().inNamespace(namespace).withName(name + "-0").get();
        return pod == null ? null : pod.getMetadata().getUid();
    }

    private static boolean settled(String name) {
        DittoServer server = get(name);
        return server.getStatus() != null
                && server.getMetadata().getGeneration().equals(server.getStatus().getObservedGeneration())
                && conditionIs(name, "Ready", "True");
    }

    @Test
    void newImageRollsThePodOnce() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("upgraded");
        create(server);
        awaitReady("upgraded");
        String before = podUid("upgraded");
        long generation = sts("upgraded").getMetadata().getGeneration();

        Set<String> podsSeen = ConcurrentHashMap.newKeySet();
        podsSeen.add(before);
        try (Watch watch = admin.pods().inNamespace(namespace).withName("upgraded-0").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                podsSeen.add(pod.getMetadata().getUid());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            edit("upgraded", s -> s.getSpec().setImage("marmos91c/dittofs:v0.29.1"));
            await().atMost(TIMEOUT).until(() -> podUid("upgraded") != null && !before.equals(podUid("upgraded")));
            await().atMost(TIMEOUT).until(() -> settled("upgraded"));
            await().atMost(TIMEOUT).until(() -> {
                var status = sts("upgraded").getStatus();
                return status.getUpdateRevision() != null && status.getUpdateRevision().equals(status.getCurrentRevision())
                        && Integer.valueOf(1).equals(status.getUpdatedReplicas());
            });
            String after = podUid("upgraded");
            assertThat(admin.pods().inNamespace(namespace).withName("upgraded-0").get().getSpec().getContainers().get(0)
                    .getImage()).isEqualTo("marmos91c/dittofs:v0.29.1");
            assertThat(sts("upgraded").getMetadata().getGeneration()).as("one template change").isEqualTo(generation + 1);

            // A later reconcile (an unrelated edit) changes nothing more: no second roll.
            edit("upgraded", s -> s.getSpec().getService().setAnnotations(Map.of("example.com/touch", "1")));
            await().atMost(TIMEOUT).until(() -> settled("upgraded"));
            assertThat(podUid("upgraded")).isEqualTo(after);
            assertThat(sts("upgraded").getMetadata().getGeneration()).isEqualTo(generation + 1);
            assertThat(podsSeen).as("pods named upgraded-0: the old one and one new one").hasSize(2);
        }
    }
}
