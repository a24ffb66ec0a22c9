package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.AdminSpec;
import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.certificates.ServerCertificates;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast tier: the reconciler and its workflow on fabric8's mock server (see {@link MockCluster}). Proves the
 * reconcile logic in seconds, without Go, binaries or a control plane; the end-to-end tier proves it for real.
 */
@Tag("mock")
class ReconcilerMockTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static MockCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new MockCluster(MockCluster.dataPlaneOff());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static DittoServer server(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        server.getMetadata().setUid(null);
        server.getMetadata().setGeneration(null);
        return server;
    }

    private static DittoServer withAdminSecret(String name, String secret) {
        return Fixtures.withAdminSecret(server(name), secret);
    }

    private static void create(DittoServer server) {
        cluster.client.resource(server).create();
    }

    private static void awaitReason(String name, String type, String reason) {
        await().atMost(TIMEOUT).until(() -> cluster.condition(name, type).map(c -> reason.equals(c.getReason()))
                .orElse(false));
    }

    private static StatefulSet statefulSet(String name) {
        return cluster.client.apps().statefulSets().inNamespace(MockCluster.NAMESPACE).withName(name).get();
    }

    /** Plays the StatefulSet controller and kubelet: the pod of the current revision is ready. */
    private static void podReady(String name) {
        StatefulSet sts = statefulSet(name);
        sts.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(sts.getMetadata().getGeneration())
                .withReplicas(1).withReadyReplicas(1).withUpdatedReplicas(1).withCurrentReplicas(1)
                .withCurrentRevision("r1").withUpdateRevision("r1").build());
        cluster.client.resource(sts).updateStatus();
    }

    @Test
    void aNewServerGetsItsObjectsAndBecomesReadyWhenItsPodIs() {
        create(server("fresh"));
        await().atMost(TIMEOUT).until(() -> statefulSet("fresh") != null);
        var k = cluster.client;
        String ns = MockCluster.NAMESPACE;
        assertThat(k.configMaps().inNamespace(ns).withName("fresh-config").get()).isNotNull();
        assertThat(k.secrets().inNamespace(ns).withName("fresh-admin").get()).as("generated admin Secret").isNotNull();
        assertThat(k.secrets().inNamespace(ns).withName("fresh-jwt").get()).as("generated JWT Secret").isNotNull();
        assertThat(k.services().inNamespace(ns).withName("fresh-api").get()).isNotNull();
        var tls = k.secrets().inNamespace(ns).withName("fresh-api-tls").get();
        assertThat(tls).as("the REST API's certificate, issued by the operator by default").isNotNull();
        assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(tls.getData()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
        assertThat(tls.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("fresh"));
        var ca = k.secrets().inNamespace(ns).withName("dittofs-api-ca").get();
        assertThat(ca).as("the operator's CA of the namespace").isNotNull();
        assertThat(ca.getMetadata().getOwnerReferences()).as("outlives the servers").isNullOrEmpty();
        assertThat(tls.getData().get("ca.crt")).isEqualTo(ca.getData().get("ca.crt"));
        assertThat(statefulSet("fresh").getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getSecret() == null ? null : v.getSecret().getSecretName())
                        .isEqualTo("fresh-api-tls"));
        awaitReason("fresh", ConditionTypes.READY, ConditionTypes.REASON_POD_NOT_READY);
        assertThat(cluster.get("fresh").getStatus().getPhase()).isEqualTo(Phase.Pending);

        podReady("fresh");
        awaitReason("fresh", ConditionTypes.READY, ConditionTypes.REASON_SERVER_READY);
        DittoServer ready = cluster.get("fresh");
        assertThat(ready.getStatus().getPhase()).isEqualTo(Phase.Running);
        assertThat(cluster.condition("fresh", ConditionTypes.DATA_PLANE_READY)).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo(ConditionTypes.REASON_NOT_MANAGED));
        assertThat(cluster.events("fresh")).as("no Warning for progress").noneMatch(e -> "Warning".equals(e.getType()));
        assertThat(cluster.events("fresh").stream().filter(e -> EventReasons.CREATED.equals(e.getReason())))
                .as("the first reconcile creates everything, the StatefulSet too: one Created event")
                .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("Secret fresh-jwt",
                        "Secret fresh-admin", "Secret fresh-api-tls", "ConfigMap fresh-config", "StatefulSet fresh"));
    }

    /**
     * controlPlane.tls.clientAuth: {}: dfs reads the namespace CA's bundle at start, and the operator issues its client
     * certificate from the current CA. A renewed CA must roll the pod (or the operator is locked out), and a CA Secret
     * that went missing is made again (the pod cannot start without it).
     */
    @Test
    void aRenewedOrMissingOperatorCaRollsAServerWithMutualTls() {
        DittoServer server = server("mutual");
        server.getSpec().getControlPlane().setTls(new com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec());
        server.getSpec().getControlPlane().getTls().setClientAuth(
                new com.dittofs.operator.api.v1alpha1.ClientAuthSpec());
        create(server);
        var secrets = cluster.client.secrets().inNamespace(MockCluster.NAMESPACE);
        await().atMost(TIMEOUT).until(() -> statefulSet("mutual") != null);
        String first = inputsHash("mutual");
        var renewed = com.dittofs.operator.certificates.X509.ca("renewed CA", Instant.now(), Duration.ofDays(30));
        String bundle = com.dittofs.operator.certificates.X509.pem(renewed.certificate());
        secrets.withName("dittofs-api-ca").edit(s -> {
            s.getData().put("tls.crt", base64(bundle));
            s.getData().put("tls.key", base64(com.dittofs.operator.certificates.X509.pem(renewed.key())));
            s.getData().put("ca.crt", base64(bundle));
            return s;
        });
        await().atMost(TIMEOUT).until(() -> !first.equals(inputsHash("mutual")));
        String second = inputsHash("mutual");
        secrets.withName("dittofs-api-ca").delete();
        await().atMost(TIMEOUT).until(() -> secrets.withName("dittofs-api-ca").get() != null
                && !second.equals(inputsHash("mutual")));
    }

    private static String inputsHash(String name) {
        return statefulSet(name).getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.POD_INPUTS_HASH);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * Once other Secrets sit in the operator's caches (here the generated ones, and the certificate Secret itself),
     * the certificate Secret is still found and kept right: a hand-edited one is issued again.
     */
    @Test
    void aCertificateSecretEditedByHandIsIssuedAgain() {
        create(server("edited"));
        var secrets = cluster.client.secrets().inNamespace(MockCluster.NAMESPACE);
        await().atMost(TIMEOUT).until(() -> statefulSet("edited") != null && secrets.withName("edited-api-tls").get()
                != null);
        secrets.withName("edited-api-tls").edit(s -> {
            s.setData(Map.of("tls.crt", "bm90IGEgY2VydGlmaWNhdGU=", "tls.key", "bm8ga2V5", "ca.crt", "bm8gQ0E="));
            return s;
        });
        await().atMost(TIMEOUT).until(() -> ServerCertificates.current(secrets.withName("edited-api-tls").get(),
                ServerCertificates.dnsNames(cluster.get("edited")), Instant.now()));
    }

    @Test
    void aPodThatCannotWriteItsVolumeIsVolumeNotWritableWithOneWarningAndARecheck() {
        create(server("rootowned"));
        await().atMost(TIMEOUT).until(() -> statefulSet("rootowned") != null);
        // Plays the kubelet: dfs exited with SQLite's words and waits to be restarted.
        Pod pod = new PodBuilder().withNewMetadata().withName("rootowned-0").withNamespace(MockCluster.NAMESPACE)
                .endMetadata().withNewSpec().addNewContainer().withName("dfs").withImage("dfs").endContainer()
                .endSpec().build();
        cluster.client.resource(pod).create();
        pod.setStatus(new PodStatusBuilder().withPhase("Running").addNewContainerStatus().withName("dfs")
                .withImage("dfs").withReady(false).withRestartCount(2)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error")
                .withMessage(PodFailuresTest.SQLITE_CANTOPEN).endTerminated().endLastState()
                .endContainerStatus().build());
        cluster.client.resource(pod).updateStatus();
        notReady("rootowned"); // the StatefulSet's status changes: an event, as a real controller sends one
        awaitReason("rootowned", ConditionTypes.READY, ConditionTypes.REASON_VOLUME_NOT_WRITABLE);
        assertThat(cluster.condition("rootowned", ConditionTypes.AVAILABLE)).get().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("VolumeNotWritable");
            assertThat(c.getMessage()).contains("metadata volume (claim metadata-rootowned-0)", "65532:65532",
                    "fsGroup", "spec.storage.volumePermissions.enabled");
        });
        assertThat(cluster.get("rootowned").getStatus().getPhase()).isEqualTo(Phase.Failed);
        await().atMost(TIMEOUT).until(() -> cluster.events("rootowned").stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && "VolumeNotWritable".equals(e.getReason())));
        assertThat(cluster.reschedules("rootowned")).as("the pod is looked at again: a crash loop sends no event")
                .contains(Optional.of(ServerPod.RECHECK));

        int reconciles = cluster.reschedules("rootowned").size();
        notReady("rootowned");
        await().atMost(TIMEOUT).until(() -> cluster.reschedules("rootowned").size() > reconciles);
        assertThat(cluster.events("rootowned").stream().filter(e -> "Warning".equals(e.getType())))
                .as("once per problem, not per look").hasSize(1);

        podReady("rootowned");
        awaitReason("rootowned", ConditionTypes.READY, ConditionTypes.REASON_SERVER_READY);
    }

    /** The StatefulSet controller reports the single pod not ready (again). */
    private static void notReady(String name) {
        StatefulSet sts = statefulSet(name);
        sts.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(sts.getMetadata().getGeneration())
                .withReplicas(1).withReadyReplicas(0).withUpdatedReplicas(1).withCurrentReplicas(1)
                .withCurrentRevision("r1").withUpdateRevision("r1")
                .withCollisionCount(sts.getStatus() == null || sts.getStatus().getCollisionCount() == null ? 0
                        : sts.getStatus().getCollisionCount() + 1) // a change, so that the informer passes it on
                .build());
        cluster.client.resource(sts).updateStatus();
    }

    @Test
    void aReadyServerWithoutDataPlaneIsNotPolled() {
        create(server("quiet"));
        await().atMost(TIMEOUT).until(() -> statefulSet("quiet") != null);
        podReady("quiet");
        awaitReason("quiet", ConditionTypes.READY, ConditionTypes.REASON_SERVER_READY);
        await().atMost(TIMEOUT).until(() -> !cluster.reschedules("quiet").isEmpty()
                && cluster.reschedules("quiet").get(cluster.reschedules("quiet").size() - 1).isEmpty());
    }

    @Test
    void aMissingSecretIsAConditionAWarningAndARecheckNotAPod() {
        create(withAdminSecret("late", "late-admin"));
        awaitReason("late", ConditionTypes.CONFIG_READY, ConditionTypes.REASON_SECRET_MISSING);
        DittoServer late = cluster.get("late");
        assertThat(late.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(cluster.condition("late", ConditionTypes.READY)).get().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getMessage()).contains("late-admin").contains("spec.identity.admin.passwordSecretRef");
        });
        assertThat(statefulSet("late")).as("no pod without its inputs").isNull();
        await().atMost(TIMEOUT).until(() -> cluster.events("late").stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && "SecretMissing".equals(e.getReason())));
        assertThat(cluster.reschedules("late")).contains(Optional.of(Rechecks.MISSING_SECRET_RECHECK));

        cluster.client.resource(secret("late-admin", "correct-horse-battery")).create();
        await().atMost(TIMEOUT).until(() -> statefulSet("late") != null);
        awaitReason("late", ConditionTypes.CONFIG_READY, ConditionTypes.REASON_CONFIG_RENDERED);
        assertThat(cluster.client.secrets().inNamespace(MockCluster.NAMESPACE).withName("late-admin").get()
                .getMetadata().getLabels()).as("labelled, so its edits are watched")
                .containsKey(com.dittofs.operator.naming.Labels.WATCHED_SECRET);
    }

    @Test
    void aWarningIsRaisedOncePerProblemNotPerRetry() {
        create(withAdminSecret("once", "once-admin"));
        awaitReason("once", ConditionTypes.CONFIG_READY, ConditionTypes.REASON_SECRET_MISSING);
        await().atMost(TIMEOUT).until(() -> cluster.reschedules("once").size() >= 2);
        assertThat(cluster.events("once").stream().filter(e -> "Warning".equals(e.getType()))).hasSize(1);
    }

    @Test
    void theWatchLabelComesOffASecretNoServerReferencesAnyMore() {
        cluster.client.resource(secret("first-admin", "correct-horse-battery")).create();
        cluster.client.resource(secret("second-admin", "correct-horse-staple")).create();
        var byHand = secret("labelled-by-hand", "correct-horse-other");
        byHand.getMetadata().setLabels(Map.of(Labels.WATCHED_SECRET, "true"));
        cluster.client.resource(byHand).create();
        create(withAdminSecret("released", "first-admin"));
        await().atMost(TIMEOUT).until(() -> watched("first-admin"));

        await().atMost(TIMEOUT).ignoreExceptions().until(() -> { // a status write may come in between
            cluster.client.resources(DittoServer.class).inNamespace(MockCluster.NAMESPACE).withName("released")
                    .edit(s -> {
                        s.getSpec().getIdentity().getAdmin().getPasswordSecretRef().setName("second-admin");
                        return s;
                    });
            return true;
        });
        await().atMost(TIMEOUT).until(() -> watched("second-admin") && !watched("first-admin"));
        assertThat(annotations("first-admin")).doesNotContainKey(Labels.WATCH_ADDED);

        cluster.client.resources(DittoServer.class).inNamespace(MockCluster.NAMESPACE).withName("released").delete();
        await().atMost(TIMEOUT).until(() -> !watched("second-admin"));
        assertThat(watched("labelled-by-hand")).as("a label the operator did not add stays").isTrue();
    }

    private static boolean watched(String secret) {
        var labels = cluster.client.secrets().inNamespace(MockCluster.NAMESPACE).withName(secret).get()
                .getMetadata().getLabels();
        return labels != null && "true".equals(labels.get(Labels.WATCHED_SECRET));
    }

    private static Map<String, String> annotations(String secret) {
        var annotations = cluster.client.secrets().inNamespace(MockCluster.NAMESPACE).withName(secret).get()
                .getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static io.fabric8.kubernetes.api.model.Secret secret(String name, String password) {
        return Fixtures.secret(name, Map.of("password", password));
    }
}
