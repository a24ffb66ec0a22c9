package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
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

/**
 * A new spec.image rolls the single server pod onto one new template, and nothing rolls it again afterwards. What the
 * operator owns is the StatefulSet template: it is written once for the upgrade (the audit log and the generation say
 * so), and every pod the StatefulSet controller makes after that carries the old or the new revision, never a third.
 * How many pods the controller goes through to get there is its business (on a busy machine it may re-create a pod
 * it deleted before its cache saw the deletion), so the pod count is not asserted.
 */
@QuarkusIntegrationTest
class ImageUpgradeIT extends E2E {

    private static final String REVISION = "controller-revision-hash";

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

    /** The StatefulSet controller has caught up: every replica runs the newest template. */
    private static boolean rolledOut(String name) {
        StatefulSet sts = sts(name);
        var status = sts.getStatus();
        return status != null && sts.getMetadata().getGeneration().equals(status.getObservedGeneration())
                && status.getUpdateRevision() != null && status.getUpdateRevision().equals(status.getCurrentRevision())
                && Integer.valueOf(1).equals(status.getUpdatedReplicas());
    }

    @Test
    void newImageRollsThePodOnce() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("upgraded");
        create(server);
        awaitReady("upgraded");
        await().atMost(TIMEOUT).until(() -> rolledOut("upgraded"));
        String before = podUid("upgraded");
        assertThat(get("upgraded").getStatus().getImage()).isEqualTo("marmos91c/dittofs:v0.29.0");
        String oldRevision = sts("upgraded").getStatus().getCurrentRevision();
        long generation = sts("upgraded").getMetadata().getGeneration();

        Set<String> revisionsSeen = ConcurrentHashMap.newKeySet();
        try (Watch watch = admin.pods().inNamespace(namespace).withName("upgraded-0").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                revisionsSeen.add(pod.getMetadata().getLabels().getOrDefault(REVISION, "none"));
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            Instant edited = Instant.now().minusSeconds(1);
            edit("upgraded", s -> s.getSpec().setImage("marmos91c/dittofs:v0.29.1"));
            await().atMost(TIMEOUT).until(() -> podUid("upgraded") != null && !before.equals(podUid("upgraded")));
            await().atMost(TIMEOUT).until(() -> settled("upgraded"));
            await().atMost(TIMEOUT).until(() -> rolledOut("upgraded") && podUid("upgraded") != null);
            String after = podUid("upgraded");
            String newRevision = sts("upgraded").getStatus().getUpdateRevision();
            assertThat(admin.pods().inNamespace(namespace).withName("upgraded-0").get().getSpec().getContainers().get(0)
                    .getImage()).isEqualTo("marmos91c/dittofs:v0.29.1");
            await("status.image follows the template").atMost(TIMEOUT)
                    .until(() -> "marmos91c/dittofs:v0.29.1".equals(get("upgraded").getStatus().getImage()));
            assertThat(sts("upgraded").getMetadata().getGeneration()).as("one template change").isEqualTo(generation + 1);
            assertThat(AuditLog.operatorWritesSince(namespace, edited))
                    .as("the operator's writes to the StatefulSet for the upgrade")
                    .filteredOn(w -> w.endsWith(" statefulsets/upgraded")).hasSize(1);

            // A later reconcile (an unrelated edit) changes nothing more: no second roll.
            edit("upgraded", s -> s.getSpec().getService().setAnnotations(Map.of("example.com/touch", "1")));
            await().atMost(TIMEOUT).until(() -> settled("upgraded"));
            assertThat(podUid("upgraded")).isEqualTo(after);
            assertThat(sts("upgraded").getMetadata().getGeneration()).isEqualTo(generation + 1);
            assertThat(revisionsSeen).as("revisions of the pods named upgraded-0")
                    .isSubsetOf(oldRevision, newRevision).contains(newRevision);
        }
    }
}
