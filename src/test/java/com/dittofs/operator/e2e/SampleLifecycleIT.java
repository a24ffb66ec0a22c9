package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The shipped samples, applied as a user would, reach Ready with every object in place; deletion keeps data. */
@QuarkusIntegrationTest
class SampleLifecycleIT extends E2E {

    private static final Map<String, String> MANAGED = Map.of(
            "app.kubernetes.io/name", "dittofs",
            "app.kubernetes.io/managed-by", "dittofs-operator");

    @Test
    void basicSampleBecomesReadyWithEveryObjectOwnedAndLabelled() {
        DittoServer server = applySample("dittofs_v1alpha1_dittoserver.yaml");
        String name = server.getMetadata().getName();
        var wait = ControlPlane.get().kubectl("-n", namespace, "wait", "--for=condition=Ready",
                "dittoserver/" + name, "--timeout=120s");
        assertThat(wait.exitCode()).as(wait.output()).isZero();

        DittoServer ready = get(name);
        assertThat(ready.getStatus().getPhase().name()).isEqualTo("Running");
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(1);
        assertThat(ready.getStatus().getEndpoints().getNfs()).isEqualTo(name + "-file." + namespace + ".svc:2049");
        assertThat(ready.getStatus().getConditions()).extracting(c -> c.getType())
                .contains("Ready", "Available", "ConfigReady", "Progressing");

        List<HasMetadata> owned = List.of(
                admin.configMaps().inNamespace(namespace).withName(name + "-config").get(),
                admin.apps().statefulSets().inNamespace(namespace).withName(name).get(),
                admin.services().inNamespace(namespace).withName(name + "-headless").get(),
                admin.services().inNamespace(namespace).withName(name + "-file").get(),
                admin.services().inNamespace(namespace).withName(name + "-api").get());
        for (HasMetadata object : owned) {
            assertThat(object.getMetadata().getLabels()).containsAllEntriesOf(MANAGED)
                    .containsEntry("app.kubernetes.io/instance", name).containsKey("app.kubernetes.io/component");
            assertThat(object.getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                    .containsExactly(ready.getMetadata().getUid());
        }
        assertThat(admin.services().inNamespace(namespace).withName(name + "-metrics").get()).isNull();
        assertThat(admin.services().inNamespace(namespace).withName(name + "-file").get().getSpec().getType())
                .isEqualTo("ClusterIP");

        // The StatefulSet controller made the pod and its claims; kwok runs the pod.
        var pod = admin.pods().inNamespace(namespace).withName(name + "-0").get();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        // Fields that set the oldest supported Kubernetes (docs/INSTALL.md): an apiserver without them drops them
        // silently, so they are read back from what it stored (the oldest-k8s tier runs this on that minor).
        assertThat(pod.getSpec().getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds())
                .as("preStop sleep (PodLifecycleSleepAction, 1.30)").isEqualTo(5L);
        assertThat(admin.apps().statefulSets().inNamespace(namespace).withName(name).get().getSpec()
                .getPersistentVolumeClaimRetentionPolicy()).as("claim retention policy (StatefulSetAutoDeletePVC, 1.27)")
                .isNotNull();
        await().atMost(TIMEOUT).until(() -> claims(name).stream()
                .filter(c -> "Bound".equals(c.getStatus().getPhase())).count() == 2);
        assertThat(names(claims(name))).containsExactly("cache-" + name + "-0", "metadata-" + name + "-0");
        // Generated credentials exist and are not owned: they outlive the server together with its volumes.
        for (String secret : List.of(name + "-jwt", name + "-admin")) {
            var generated = admin.secrets().inNamespace(namespace).withName(secret).get();
            assertThat(generated).as(secret).isNotNull();
            assertThat(generated.getMetadata().getOwnerReferences()).isEmpty();
        }
    }

    @Test
    void s3SampleBecomesReadyWithCredentialsFromItsSecretAndMetricsService() {
        DittoServer server = applySample("dittofs_v1alpha1_dittoserver_s3.yaml");
        String name = server.getMetadata().getName();
        awaitReady(name);
        StatefulSet sts = admin.apps().statefulSets().inNamespace(namespace).withName(name).get();
        var env = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).filteredOn(e -> e.getName().equals("AWS_ACCESS_KEY_ID")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("my-dittofs-s3"));
        assertThat(admin.configMaps().inNamespace(namespace).withName(name + "-config").get().getData()
                .get("config.yaml")).doesNotContain("REPLACE-WITH");
        assertThat(admin.services().inNamespace(namespace).withName(name + "-metrics").get()).isNotNull();
        // The referenced Secret now carries the watch label, so rotations reach the operator.
        assertThat(admin.secrets().inNamespace(namespace).withName("my-dittofs-s3").get().getMetadata().getLabels())
                .containsEntry("dittofs.dittofs.com/watched", "true");
    }

    @Test
    void deletingTheServerCollectsItsObjectsAndKeepsVolumesAndCredentials() {
        String name = "doomed";
        DittoServer doomed = com.dittofs.operator.fixtures.Fixtures.basic();
        doomed.getMetadata().setName(name);
        create(doomed);
        awaitReady(name);
        await().atMost(TIMEOUT).until(() -> claims(name).size() == 2);
        servers().inNamespace(namespace).withName(name).delete();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps().statefulSets().inNamespace(namespace).withName(name).get()).isNull();
            assertThat(admin.configMaps().inNamespace(namespace).withName(name + "-config").get()).isNull();
            assertThat(admin.services().inNamespace(namespace).withName(name + "-file").get()).isNull();
            assertThat(admin.services().inNamespace(namespace).withName(name + "-api").get()).isNull();
            assertThat(admin.services().inNamespace(namespace).withName(name + "-headless").get()).isNull();
            assertThat(admin.pods().inNamespace(namespace).withName(name + "-0").get()).isNull();
        });
        assertThat(claims(name)).hasSize(2);
        assertThat(admin.secrets().inNamespace(namespace).withName(name + "-admin").get()).isNotNull();
    }

    private static List<PersistentVolumeClaim> claims(String server) {
        return admin.persistentVolumeClaims().inNamespace(namespace).list().getItems().stream()
                .filter(c -> c.getMetadata().getName().endsWith("-" + server + "-0")).toList();
    }
}
