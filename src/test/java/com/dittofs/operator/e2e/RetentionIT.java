package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.VolumeRetentionPolicy;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * storage.retentionPolicy on the real control plane, whose kube-controller-manager runs the StatefulSet controller
 * (which sets the claims' owner references from the retention policy) and the garbage collector (which deletes
 * owned claims): what happens to the claims on scale to zero and on delete.
 */
@QuarkusIntegrationTest
class RetentionIT extends E2E {

    private static final List<String> VOLUMES = List.of("metadata", "cache");

    private static void readyServer(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        create(server);
        awaitReady(name);
    }

    private static PersistentVolumeClaim claim(String volume, String server) {
        return admin.persistentVolumeClaims().inNamespace(namespace).withName(volume + "-" + server + "-0").get();
    }

    private static StatefulSet sts(String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get();
    }

    private static boolean ownedBy(PersistentVolumeClaim claim, StatefulSet sts) {
        return claim.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> "StatefulSet".equals(o.getKind()) && sts.getMetadata().getUid().equals(o.getUid()));
    }

    private static void deleteAndAwaitItsStatefulSetGone(String name) {
        servers().inNamespace(namespace).withName(name).delete();
        await().atMost(TIMEOUT).until(() -> get(name) == null && sts(name) == null
                && admin.pods().inNamespace(namespace).withName(name + "-0").get() == null);
    }

    @Test
    void retainKeepsTheClaimsWhenTheServerIsDeleted() {
        readyServer("keep");
        var policy = sts("keep").getSpec().getPersistentVolumeClaimRetentionPolicy();
        assertThat(policy.getWhenDeleted()).isEqualTo("Retain");
        assertThat(policy.getWhenScaled()).isEqualTo("Retain");
        StatefulSet sts = sts("keep");
        VOLUMES.forEach(v -> assertThat(ownedBy(claim(v, "keep"), sts)).as(v).isFalse());

        deleteAndAwaitItsStatefulSetGone("keep");

        VOLUMES.forEach(v -> {
            assertThat(claim(v, "keep")).as(v).isNotNull();
            assertThat(claim(v, "keep").getMetadata().getDeletionTimestamp()).as(v).isNull();
            assertThat(claim(v, "keep").getMetadata().getOwnerReferences()).as(v).isEmpty();
        });
    }

    @Test
    void deleteKeepsTheClaimsOnScaleToZeroAndDeletesThemWithTheServer() {
        readyServer("drop");
        edit("drop", s -> s.getSpec().getStorage().setRetentionPolicy(VolumeRetentionPolicy.Delete));
        await().atMost(TIMEOUT).until(() -> "Delete".equals(sts("drop").getSpec()
                .getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()));
        assertThat(sts("drop").getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled())
                .isEqualTo("Retain");
        // the StatefulSet controller hands the claims to the StatefulSet
        await().atMost(TIMEOUT).until(() -> VOLUMES.stream().allMatch(v -> ownedBy(claim(v, "drop"), sts("drop"))));

        edit("drop", s -> s.getSpec().setReplicas(0));
        await().atMost(TIMEOUT).until(() -> admin.pods().inNamespace(namespace).withName("drop-0").get() == null
                && "Stopped".equals(get("drop").getStatus().getPhase().name()));
        VOLUMES.forEach(v -> assertThat(claim(v, "drop")).as(v + " after scale to 0").isNotNull());
        edit("drop", s -> s.getSpec().setReplicas(1));
        awaitReady("drop");

        deleteAndAwaitItsStatefulSetGone("drop");

        await().atMost(TIMEOUT).until(() -> VOLUMES.stream().allMatch(v -> claim(v, "drop") == null));
    }
}
