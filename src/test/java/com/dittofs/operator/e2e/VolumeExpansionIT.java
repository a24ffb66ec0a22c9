package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.VolumeStatus;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Growing spec.storage sizes on the real apiserver: the claims are patched, the StatefulSet is re-created with new
 * claim templates and adopts the running pod (same UID), shrinking is refused at admission, and a StorageClass
 * without allowVolumeExpansion is reported without breaking anything.
 *
 * <p>
 * No CSI resizer runs in the test cluster (hostPath volumes of 1Ti, bound claims report the volume's 1Ti), so the
 * test plays the storage provider: it sets a claim's status.capacity as a provisioner (exact size) and then a
 * resizer (the new size) would. What is proven is the operator's part; the resize itself is the provider's.
 */
@QuarkusIntegrationTest
class VolumeExpansionIT extends E2E {

    private static void readyServer(String name, String storageClass) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        server.getSpec().getStorage().setMetadataSize("1Gi");
        server.getSpec().getStorage().setCacheSize("1Gi");
        server.getSpec().getStorage().setStorageClassName(storageClass);
        create(server);
        awaitReady(name);
    }

    private static PersistentVolumeClaim claim(String name) {
        return admin.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
    }

    private static String requested(String claim) {
        return claim(claim).getSpec().getResources().getRequests().get("storage").toString();
    }

    /** Plays the storage provider: the claim's actual capacity (status subresource), retried on conflicts. */
    private static void setCapacity(String claim, String size) {
        await().atMost(TIMEOUT).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k
                && k.getCode() == 409).until(() -> {
                    admin.persistentVolumeClaims().inNamespace(namespace).withName(claim).editStatus(c -> {
                        c.getStatus().getCapacity().put("storage", new Quantity(size));
                        return c;
                    });
                    return true;
                });
    }

    private static StatefulSet sts(String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get();
    }

    private static String podUid(String name) {
        var pod = admin.pods().inNamespace(namespace).withName(name + "-0").get();
        return pod == null ? null : pod.getMetadata().getUid();
    }

    private static VolumeStatus volume(String server, String volume) {
        var volumes = get(server).getStatus().getVolumes();
        return volumes == null ? null : volumes.stream().filter(v -> volume.equals(v.getName())).findFirst()
                .orElse(null);
    }

    /** When Ready last became True: it moves if Ready went False in between, even for a moment. */
    private static String readySince(String name) {
        return condition(name, "Ready").filter(c -> "True".equals(c.getStatus())).orElseThrow()
                .getLastTransitionTime();
    }

    private static boolean conditionReason(String name, String type, String status, String reason) {
        return condition(name, type).map(c -> status.equals(c.getStatus()) && reason.equals(c.getReason()))
                .orElse(false);
    }

    private static boolean event(String server, String type, String reason) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(e -> server.equals(e.getInvolvedObject().getName()) && type.equals(e.getType())
                        && reason.equals(e.getReason()));
    }

    @Test
    void growingASizeResizesTheClaimAndReCreatesTheStatefulSetWithoutRestartingThePod() {
        readyServer("grow", null);
        setCapacity("metadata-grow-0", "1Gi"); // as a provisioner creating a volume of exactly the size asked
        await().atMost(TIMEOUT).until(() -> volume("grow", "metadata") != null
                && "1Gi".equals(volume("grow", "metadata").getCapacity()));
        awaitCondition("grow", "VolumesResized", "True");
        String pod = podUid("grow");
        String readySince = readySince("grow");
        String oldSts = sts("grow").getMetadata().getUid();
        long t0 = System.nanoTime();

        edit("grow", s -> s.getSpec().getStorage().setMetadataSize("2Gi"));

        await().atMost(TIMEOUT).until(() -> "2Gi".equals(requested("metadata-grow-0")));
        await().atMost(TIMEOUT).until(() -> conditionReason("grow", "VolumesResized", "False", "ResizeInProgress"));
        assertThat(volume("grow", "metadata")).isEqualTo(new VolumeStatus("metadata", "metadata-grow-0", "2Gi",
                "1Gi"));
        await().atMost(TIMEOUT).until(() -> sts("grow") != null && !oldSts.equals(sts("grow").getMetadata().getUid()));
        StatefulSet recreated = sts("grow");
        assertThat(recreated.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
                .containsEntry("storage", new Quantity("2Gi"));
        System.out.printf("VOLUMES claim patched and StatefulSet re-created in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);

        setCapacity("metadata-grow-0", "2Gi"); // as the resizer, once the volume has grown
        await().atMost(TIMEOUT).until(() -> conditionReason("grow", "VolumesResized", "True", "VolumesAtSize"));
        assertThat(volume("grow", "metadata").getCapacity()).isEqualTo("2Gi");
        assertThat(requested("cache-grow-0")).isEqualTo("1Gi");

        // the new StatefulSet adopted the very same pod and sees it up to date
        await().atMost(TIMEOUT).until(() -> admin.pods().inNamespace(namespace).withName("grow-0").get()
                .getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> o.getController() && recreated.getMetadata().getUid().equals(o.getUid())));
        awaitCondition("grow", "Progressing", "False");
        awaitReady("grow");
        assertThat(podUid("grow")).isEqualTo(pod);
        assertThat(readySince("grow")).as("Ready never went False on the way").isEqualTo(readySince);
        assertThat(sts("grow").getStatus().getCurrentRevision()).isEqualTo(sts("grow").getStatus()
                .getUpdateRevision());
        assertThat(event("grow", "Normal", "StatefulSetRecreated")).isTrue();
        assertThat(event("grow", "Normal", "VolumeResizeRequested")).isTrue();
    }

    @Test
    void shrinkingIsRejectedAtAdmissionNamingTheField() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("shrink");
        server.getSpec().setReplicas(0);
        server.getSpec().getStorage().setMetadataSize("2Gi");
        server.getSpec().getStorage().setContentSize("3Gi");
        create(server);
        for (var field : java.util.List.of("metadataSize", "cacheSize", "contentSize")) {
            KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                    () -> edit("shrink", s -> {
                        switch (field) {
                            case "metadataSize" -> s.getSpec().getStorage().setMetadataSize("2047Mi");
                            case "cacheSize" -> s.getSpec().getStorage().setCacheSize("1Gi");
                            default -> s.getSpec().getStorage().setContentSize("3G");
                        }
                    }));
            assertThat(error).as(field + " shrank").isNotNull();
            assertThat(error.getCode()).isEqualTo(422);
            assertThat(error.getMessage()).contains("storage." + field + " cannot shrink");
        }
        // growing, and the same size written differently, are admitted
        edit("shrink", s -> s.getSpec().getStorage().setMetadataSize("2048Mi"));
        edit("shrink", s -> s.getSpec().getStorage().setContentSize("4Gi"));
    }

    @Test
    void aStorageClassWithoutExpansionIsReportedAndNothingBreaks() {
        readyServer("fixed", "fixed-size");
        String pod = podUid("fixed");
        String readySince = readySince("fixed");

        edit("fixed", s -> s.getSpec().getStorage().setCacheSize("2Gi"));

        await().atMost(TIMEOUT).until(() -> conditionReason("fixed", "VolumesResized", "False",
                "ExpansionNotSupported"));
        assertThat(condition("fixed", "VolumesResized")).get().satisfies(c -> assertThat(c.getMessage())
                .contains("StorageClass fixed-size", "allowVolumeExpansion", "cache-fixed-0"));
        await().atMost(TIMEOUT).until(() -> event("fixed", "Warning", "ExpansionNotSupported"));
        await().atMost(TIMEOUT).until(() -> get("fixed").getStatus().getObservedGeneration()
                .equals(get("fixed").getMetadata().getGeneration()));
        assertThat(requested("cache-fixed-0")).isEqualTo("1Gi");
        assertThat(volume("fixed", "cache").getRequested()).isEqualTo("1Gi");
        awaitReady("fixed");
        assertThat(podUid("fixed")).isEqualTo(pod);
        assertThat(readySince("fixed")).as("Ready never went False on the way").isEqualTo(readySince);
        assertThat(get("fixed").getStatus().getPhase().name()).isEqualTo("Running");
        assertThat(condition("fixed", "Ready")).get().satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
        // a refusal is announced once, not once per reconcile
        await().during(Duration.ofSeconds(5)).atMost(TIMEOUT).until(() -> admin.v1().events().inNamespace(namespace)
                .list().getItems().stream().filter(e -> "fixed".equals(e.getInvolvedObject().getName())
                        && "ExpansionNotSupported".equals(e.getReason()))
                .mapToInt(e -> e.getCount() == null ? 1 : e.getCount()).sum() == 1);
    }
}
