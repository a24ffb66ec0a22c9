package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Five servers resized at once while their garbage collection is slow (a finalizer of the test holds each old
 * StatefulSet after its orphaning delete): no reconcile thread waits for the delete, so a sixth server created
 * meanwhile converges in its normal time; once the StatefulSets are gone they are re-created on later reconciles,
 * adopting the same pods, and the claims keep their identity.
 */
@QuarkusIntegrationTest
class ConcurrentResizeIT extends E2E {

    private static final String HOLD = "e2e.dittofs.com/slow-gc";
    /** The old code held a reconcile thread 60 s per resize, with five threads: a sixth server waited that long. */
    private static final Duration NORMAL_CONVERGENCE = Duration.ofSeconds(45);
    private static final List<String> RESIZED = List.of("rs-1", "rs-2", "rs-3", "rs-4", "rs-5");

    private static DittoServer server(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        server.getSpec().getStorage().setMetadataSize("1Gi");
        server.getSpec().getStorage().setCacheSize("1Gi");
        return server;
    }

    private static StatefulSet sts(String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get();
    }

    private static String uid(String kind, String name) {
        var object = switch (kind) {
            case "pod" -> admin.pods().inNamespace(namespace).withName(name).get();
            default -> admin.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
        };
        return object == null ? null : object.getMetadata().getUid();
    }

    private static String readySince(String name) {
        return condition(name, "Ready").filter(c -> "True".equals(c.getStatus())).orElseThrow()
                .getLastTransitionTime();
    }

    @Test
    void fiveResizesAtOnceHoldNoReconcileThread() {
        RESIZED.forEach(name -> create(server(name)));
        RESIZED.forEach(E2E::awaitReady);
        Map<String, String> before = new HashMap<>();
        for (String name : RESIZED) {
            before.put(name + "/sts", sts(name).getMetadata().getUid());
            before.put(name + "/pod", uid("pod", name + "-0"));
            before.put(name + "/metadata", uid("pvc", "metadata-" + name + "-0"));
            before.put(name + "/cache", uid("pvc", "cache-" + name + "-0"));
            before.put(name + "/ready", readySince(name));
            // a slow garbage collector: the orphaning delete cannot finish while this finalizer is there
            admin.apps().statefulSets().inNamespace(namespace).withName(name).edit(s -> {
                s.getMetadata().getFinalizers().add(HOLD);
                return s;
            });
        }

        RESIZED.forEach(name -> edit(name, s -> s.getSpec().getStorage().setMetadataSize("2Gi")));
        await().atMost(TIMEOUT).until(() -> RESIZED.stream().allMatch(name -> sts(name).getMetadata()
                .getDeletionTimestamp() != null));
        long t0 = System.nanoTime();
        create(server("calm"));
        awaitReady("calm");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESIZE sixth server Ready in %.1f s beside five held re-creations%n", seconds);
        assertThat(Duration.ofMillis((long) (seconds * 1000))).isLessThan(NORMAL_CONVERGENCE);

        // still held: the old StatefulSets are terminating, orphaned (the garbage collector dropped the pods' owner
        // references), the pods run on and the servers stay Ready
        await().atMost(TIMEOUT).until(() -> RESIZED.stream().allMatch(name -> admin.pods().inNamespace(namespace)
                .withName(name + "-0").get().getMetadata().getOwnerReferences().isEmpty()));
        for (String name : RESIZED) {
            assertThat(sts(name).getMetadata().getUid()).isEqualTo(before.get(name + "/sts"));
            assertThat(readySince(name)).as(name + " stayed Ready").isEqualTo(before.get(name + "/ready"));
        }

        List<String> released = new ArrayList<>();
        for (String name : RESIZED) {
            admin.apps().statefulSets().inNamespace(namespace).withName(name).edit(s -> {
                s.getMetadata().getFinalizers().remove(HOLD);
                return s;
            });
            released.add(name);
        }
        for (String name : released) {
            await().atMost(TIMEOUT).until(() -> sts(name) != null
                    && !before.get(name + "/sts").equals(sts(name).getMetadata().getUid()));
            StatefulSet recreated = sts(name);
            assertThat(recreated.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
                    .containsEntry("storage", new Quantity("2Gi"));
            await().atMost(TIMEOUT).until(() -> admin.pods().inNamespace(namespace).withName(name + "-0").get()
                    .getMetadata().getOwnerReferences().stream()
                    .anyMatch(o -> o.getController() && recreated.getMetadata().getUid().equals(o.getUid())));
            assertThat(uid("pod", name + "-0")).as(name + " pod kept").isEqualTo(before.get(name + "/pod"));
            assertThat(uid("pvc", "metadata-" + name + "-0")).isEqualTo(before.get(name + "/metadata"));
            assertThat(uid("pvc", "cache-" + name + "-0")).isEqualTo(before.get(name + "/cache"));
            assertThat(admin.persistentVolumeClaims().inNamespace(namespace).withName("cache-" + name + "-0").get()
                    .getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Gi"));
            awaitReady(name);
            assertThat(readySince(name)).as(name + " never went unready").isEqualTo(before.get(name + "/ready"));
            await().atMost(TIMEOUT).until(() -> admin.v1().events().inNamespace(namespace).list().getItems()
                    .stream().anyMatch(e -> name.equals(e.getInvolvedObject().getName())
                            && "StatefulSetRecreated".equals(e.getReason())));
        }
    }
}
