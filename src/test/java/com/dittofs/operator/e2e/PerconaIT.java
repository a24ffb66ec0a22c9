package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import com.dittofs.operator.dependent.Percona;
import com.dittofs.operator.dependent.PerconaClusterDependent;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.fixtures.PerconaFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.percona.pgv2.v2.PerconaPGCluster;
import com.percona.pgv2.v2.PerconaPGClusterStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * spec.percona against the real apiserver with the real PerconaPGCluster CRD (v2.8.2). No Percona operator runs
 * here: the test plays it, patching status.state through the status subresource and writing the user Secret the way
 * Percona does. What is proven: the rendered cluster is valid for Percona's schema and nothing of it is pruned; the
 * server waits for the database and then gets its connection from the user Secret; a CRD installed after the server
 * is picked up without restarting the operator (PerconaLateCrdIT); edits reach the cluster; the database outlives the
 * server unless deleteWithServer. (The CRD removed and re-installed under running servers: PerconaCrdReinstallIT.)
 * Each test works on servers of its own; those that start from a running server find it ready ({@link
 * #runningServers}).
 */
@QuarkusIntegrationTest
class PerconaIT extends E2E {

    // Servers of their own for the tests that start from a running Percona-backed server, made ready all at once
    static final String TOUCHED = "touched";
    static final String ROTATED = "rotated";
    static final String RESTARTED = "restarted";
    static final String EDITED = "edited";
    static final String TOGGLED = "toggled";
    static final String DROPPED = "dropped";
    static final String OWNED = "owned";

    @BeforeAll
    static void runningServers() {
        installCrd();
        DittoServer withBackups = PerconaFixtures.server();
        withBackups.getMetadata().setName(EDITED);
        create(withBackups);
        List<String> names = List.of(TOUCHED, ROTATED, RESTARTED, TOGGLED, DROPPED);
        names.forEach(name -> create(perconaServer(name, false)));
        List<String> all = new ArrayList<>(names);
        all.add(EDITED);
        for (String name : all) {
            await().atMost(TIMEOUT).until(() -> cluster(name) != null);
            playPercona(name, "ready");
            createUserSecret(name, name + "AlphaNumPassword");
        }
        all.forEach(E2E::awaitReady);
    }

    private static MixedOperation<PerconaPGCluster, KubernetesResourceList<PerconaPGCluster>, Resource<PerconaPGCluster>> clusters() {
        return admin.resources(PerconaPGCluster.class);
    }

    static PerconaPGCluster cluster(String server) {
        return clusters().inNamespace(namespace).withName(server + "-db").get();
    }

    static DittoServer perconaServer(String name, boolean deleteWithServer) {
        DittoServer server = PerconaFixtures.server();
        server.getMetadata().setName(name);
        server.getSpec().getPercona().setDeleteWithServer(deleteWithServer);
        server.getSpec().getPercona().setBackup(null);
        return server;
    }

    /** What the Percona operator does once the cluster is up: status.state and the user Secret. */
    static void playPercona(String server, String state) {
        await().atMost(TIMEOUT).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k
                && k.getCode() == 409).until(() -> {
                    clusters().inNamespace(namespace).withName(server + "-db").editStatus(c -> {
                        c.setStatus(new PerconaPGClusterStatus());
                        c.getStatus().setState(state);
                        return c;
                    });
                    return true;
                });
    }

    static Secret createUserSecret(String server, String password) {
        Secret secret = PerconaFixtures.userSecret(get(server), password);
        return admin.resource(secret).create();
    }

    static StatefulSet sts(String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get();
    }

    static boolean crdInstalled() {
        return admin.apiextensions().v1().customResourceDefinitions().withName(Percona.CRD_NAME).get() != null;
    }

    static void installCrd() {
        CustomResourceDefinition crd = PerconaFixtures.crd();
        // Percona's own instructions: apply its CRDs server-side (client-side apply would not fit the annotation).
        admin.resource(crd).forceConflicts().serverSideApply();
        OperatorUnderTest.awaitEstablished(admin, Percona.CRD_NAME);
    }

    static void awaitReason(String name, String type, String status, String reason) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(condition(name, type)).get().satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo(status);
                    assertThat(c.getReason()).isEqualTo(reason);
                }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(PerconaPGCluster cluster) {
        return Serialization.unmarshal(Serialization.asJson(cluster.getSpec()), Map.class);
    }

    /** Every field of {@code sent} is in {@code stored} with the same value (the apiserver may add defaults). */
    @SuppressWarnings("unchecked")
    private static void assertContained(String path, Object sent, Object stored) {
        if (sent instanceof Map<?, ?> map) {
            assertThat(stored).as(path).isInstanceOf(Map.class);
            map.forEach((k, v) -> assertContained(path + "." + k, v, ((Map<String, Object>) stored).get(k)));
        } else if (sent instanceof List<?> list) {
            assertThat(stored).as(path).isInstanceOf(List.class);
            assertThat((List<Object>) stored).as(path).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertContained(path + "[" + i + "]", list.get(i), ((List<Object>) stored).get(i));
            }
        } else {
            assertThat(String.valueOf(stored)).as(path + " (pruned or changed by the apiserver?)")
                    .isEqualTo(String.valueOf(sent));
        }
    }

    private static Map<String, String> envKeys(StatefulSet sts) {
        Map<String, String> keys = new java.util.TreeMap<>();
        for (EnvVar e : sts.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (e.getName().startsWith("DITTOFS_DATABASE_POSTGRES_")) {
                keys.put(e.getName(), e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey());
            }
        }
        return keys;
    }

    static String hash(String name) {
        return sts(name).getSpec().getTemplate().getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
    }

    @Test
    void serverWaitsForTheDatabaseThenConnectsWithTheUserSecret() throws Exception {
        DittoServer applied = applySample(PerconaFixtures.SAMPLE);
        String name = applied.getMetadata().getName();
        await().atMost(TIMEOUT).until(() -> cluster(name) != null);

        // Valid for Percona's schema (the apiserver accepted it) and nothing pruned.
        PerconaPGCluster stored = cluster(name);
        assertContained("spec", spec(PerconaClusterDependent.build(get(name))), spec(stored));
        assertThat(stored.getMetadata().getOwnerReferences()).as("deleteWithServer false").isEmpty();
        assertThat(stored.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", name)
                .containsEntry("app.kubernetes.io/component", "database")
                .containsEntry("app.kubernetes.io/managed-by", "dittofs-operator");
        assertThat(get(name).getMetadata().getFinalizers()).as("deleting a DittoServer is never blocked").isEmpty();

        awaitReason(name, "DatabaseReady", "False", "ClusterCreating");
        assertThat(condition(name, "ConfigReady")).get().satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));

        playPercona(name, "ready");
        awaitReason(name, "DatabaseReady", "False", "SecretMissing");
        assertThat(condition(name, "DatabaseReady").get().getMessage()).contains(name + "-db-pguser-dittofs");
        assertThat(sts(name)).as("no server before its database is usable").isNull();

        createUserSecret(name, "firstAlphaNumPassword");
        awaitReady(name);
        awaitReason(name, "DatabaseReady", "True", "ClusterReady");
        String secret = name + "-db-pguser-dittofs";
        assertThat(envKeys(sts(name))).isEqualTo(Map.of(
                "DITTOFS_DATABASE_POSTGRES_HOST", secret + "/host",
                "DITTOFS_DATABASE_POSTGRES_PORT", secret + "/port",
                "DITTOFS_DATABASE_POSTGRES_DATABASE", secret + "/dbname",
                "DITTOFS_DATABASE_POSTGRES_USER", secret + "/user",
                "DITTOFS_DATABASE_POSTGRES_PASSWORD", secret + "/password"));
        assertThat(admin.configMaps().inNamespace(namespace).withName(name + "-config").get().getData()
                .get("config.yaml")).contains("type: postgres").contains("sslmode: require").doesNotContain("sqlite");
        assertThat(admin.secrets().inNamespace(namespace).withName(secret).get().getMetadata().getLabels())
                .as("the user Secret is watched").containsEntry("dittofs.dittofs.com/watched", "true");
    }

    /** Percona touches the cluster (here: a foreign annotation): that wakes the reconciler, which writes nothing. */
    @Test
    void aTouchedClusterWakesTheReconcilerWhichWritesNothing() throws Exception {
        for (int round = 0; round < 2; round++) {
            double reconciles = SteadyStateIT.reconciles(TOUCHED);
            Instant mark = Instant.now();
            clusters().inNamespace(namespace).withName(TOUCHED + "-db").edit(c -> {
                c.getMetadata().getAnnotations().put("example.com/touched", UUID.randomUUID().toString());
                return c;
            });
            await().atMost(TIMEOUT).until(() -> SteadyStateIT.reconciles(TOUCHED) > reconciles);
            assertThat(AuditLog.operatorWritesSince(namespace, mark)).as("writes during round " + round).isEmpty();
        }
    }

    @Test
    void aRotatedPasswordRollsThePod() {
        String before = hash(ROTATED);
        admin.secrets().inNamespace(namespace).withName(ROTATED + "-db-pguser-dittofs").edit(s -> {
            s.getData().put("password", Base64.getEncoder().encodeToString("secondAlphaNumPassword".getBytes()));
            return s;
        });
        await().atMost(TIMEOUT).until(() -> !before.equals(hash(ROTATED)));
    }

    /** The cluster restarts: the server is reported waiting, and is left alone (never deleted). */
    @Test
    void aRestartingClusterIsReportedAndTheServerLeftAlone() {
        playPercona(RESTARTED, "initializing");
        awaitReason(RESTARTED, "DatabaseReady", "False", "ClusterCreating");
        assertThat(sts(RESTARTED)).isNotNull();
        playPercona(RESTARTED, "ready");
        awaitReady(RESTARTED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void editsReachTheCluster() {
        String name = EDITED;
        edit(name, s -> {
            s.getSpec().getPercona().setReplicas(3);
            s.getSpec().getPercona().setStorageSize("30Gi");
            s.getSpec().getPercona().getBackup().setFullSchedule("15 3 * * 6");
            s.getSpec().getPercona().getBackup().setRetentionDays(7);
        });
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Map<String, Object> spec = spec(cluster(name));
            Map<String, Object> instance = ((List<Map<String, Object>>) spec.get("instances")).get(0);
            assertThat(instance.get("replicas")).isEqualTo(3);
            assertThat(instance.get("dataVolumeClaimSpec")).asString().contains("storage=30Gi");
            Map<String, Object> pgbackrest = (Map<String, Object>) ((Map<String, Object>) spec.get("backups"))
                    .get("pgbackrest");
            assertThat(pgbackrest.get("global")).asString().contains("repo1-retention-full=7");
            assertThat(pgbackrest.get("repos")).asString().contains("full=15 3 * * 6");
        });
        assertThat(get(name).getStatus().getConditions()).anyMatch(c -> "Ready".equals(c.getType())
                && "True".equals(c.getStatus()));

    }

    @Test
    void deleteWithServerIsTheOwnerReferenceBothWays() {
        create(perconaServer(OWNED, false));
        await().atMost(TIMEOUT).until(() -> cluster(OWNED) != null);
        String uid = get(OWNED).getMetadata().getUid();
        edit(OWNED, s -> s.getSpec().getPercona().setDeleteWithServer(true));
        await().atMost(TIMEOUT).until(() -> cluster(OWNED).getMetadata().getOwnerReferences().stream()
                .map(OwnerReference::getUid).toList().equals(List.of(uid)));
        edit(OWNED, s -> s.getSpec().getPercona().setDeleteWithServer(false));
        await().atMost(TIMEOUT).until(() -> cluster(OWNED).getMetadata().getOwnerReferences().isEmpty());
    }

    @Test
    void turningPerconaOffKeepsTheDatabaseUnlessDeleteWithServer() {
        String name = TOGGLED;
        edit(name, s -> s.getSpec().getPercona().setDeleteWithServer(true));
        await().atMost(TIMEOUT).until(() -> !cluster(name).getMetadata().getOwnerReferences().isEmpty());
        edit(name, s -> {
            s.getSpec().getPercona().setEnabled(false);
            s.getSpec().getPercona().setDeleteWithServer(false);
        });
        await().atMost(TIMEOUT).until(() -> cluster(name).getMetadata().getOwnerReferences().isEmpty());
        await().atMost(TIMEOUT).until(() -> admin.configMaps().inNamespace(namespace).withName(name + "-config")
                .get().getData().get("config.yaml").contains("type: sqlite"));
        awaitReady(name);
        assertThat(condition(name, "DatabaseReady")).isEmpty();
        assertThat(cluster(name)).as("kept").isNotNull();

        // Back on: the same database is picked up again.
        edit(name, s -> s.getSpec().getPercona().setEnabled(true));
        awaitReason(name, "DatabaseReady", "True", "ClusterReady");
        awaitReady(name);

    }

    @Test
    void turningPerconaOffWithDeleteWithServerDeletesTheDatabase() {
        edit(DROPPED, s -> {
            s.getSpec().getPercona().setEnabled(false);
            s.getSpec().getPercona().setDeleteWithServer(true);
        });
        await().atMost(TIMEOUT).until(() -> cluster(DROPPED) == null);
        awaitReady(DROPPED);
    }

    @Test
    void deletingTheServerKeepsTheDatabaseByDefault() {
        create(perconaServer("keep", false));
        await().atMost(TIMEOUT).until(() -> cluster("keep") != null);
        playPercona("keep", "ready");
        createUserSecret("keep", "keepAlphaNumPassword");
        awaitReady("keep");

        servers().inNamespace(namespace).withName("keep").delete();
        await().atMost(TIMEOUT).until(() -> get("keep") == null);
        // Garbage collection has run once the owned StatefulSet is gone; the database is still there.
        await().atMost(TIMEOUT).until(() -> sts("keep") == null);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> cluster("keep") != null);

        // A server of the same name finds its database again.
        create(perconaServer("keep", false));
        awaitReady("keep");
        assertThat(cluster("keep").getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "keep");
    }

    @Test
    void deleteWithServerDeletesTheDatabaseWithTheServer() {
        create(perconaServer("gone", true));
        await().atMost(TIMEOUT).until(() -> cluster("gone") != null);
        String uid = get("gone").getMetadata().getUid();
        assertThat(cluster("gone").getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                .containsExactly(uid);
        servers().inNamespace(namespace).withName("gone").delete();
        await().atMost(TIMEOUT).until(() -> get("gone") == null);
        await().atMost(TIMEOUT).until(() -> cluster("gone") == null);
    }

    @Test
    void invalidPerconaSpecsAreRejected() {
        Map<String, String> invalid = Map.of(
                "percona: {enabled: true}, database: {type: postgres, postgresSecretRef: {name: pg}}",
                "percona.enabled provisions the PostgreSQL database itself",
                "percona: {enabled: true, replicas: 6}", "spec.percona.replicas",
                "percona: {enabled: true, storageSize: 10GB}", "spec.percona.storageSize",
                "percona: {enabled: true, postgresVersion: 11}", "spec.percona.postgresVersion",
                "percona: {enabled: true, databaseName: Bad-Name}", "spec.percona.databaseName",
                "percona: {enabled: true, backup: {enabled: true}}", "percona.backup.bucket",
                "percona: {enabled: true, backup: {enabled: true, bucket: b12, credentialsSecretRef: {name: s},"
                        + " fullSchedule: daily}}", "spec.percona.backup.fullSchedule");
        invalid.forEach((spec, message) -> {
            var error = catchThrowableOfType(KubernetesClientException.class,
                    () -> admin.resource(raw("invalid-percona", spec)).create());
            assertThat(error).as("accepted: " + spec).isNotNull();
            assertThat(error.getMessage()).as(spec).contains(message);
        });

        admin.resource(raw("immutable-db", "percona: {enabled: true, databaseName: first}, replicas: 0")).create();
        var error = catchThrowableOfType(KubernetesClientException.class, () -> servers().inNamespace(namespace)
                .withName("immutable-db").edit(s -> {
                    s.getSpec().getPercona().setDatabaseName("second");
                    return s;
                }));
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("percona.databaseName is immutable");
        assertThat(PerconaSpec.enabledIn(get("immutable-db").getSpec())).isTrue();
    }

    private static GenericKubernetesResource raw(String name, String specYaml) {
        return Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: %s, namespace: %s}
                spec: {storage: {metadataSize: 1Gi}, %s}
                """.formatted(name, namespace, specYaml), GenericKubernetesResource.class);
    }
}
