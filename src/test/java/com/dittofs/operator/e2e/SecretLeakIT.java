package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.contract.DfsProcess;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.testing.RecordingRelay;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.PropertyTestUtil;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * No Secret value ever leaves its Secret. Servers with user Secrets of distinctive values (JWT secret, admin password,
 * S3 credentials, a PostgreSQL connection) and with generated credentials go through normal and error paths: a
 * missing key, a missing Secret, a rotation, an API error (a quota), the data plane failing to log in, deletion.
 * Then every ConfigMap, Event, DittoServer, StatefulSet, Pod, Service and volume claim of the cluster, and the
 * operator's log, are searched for each value, plain and base64-encoded. The pod template references Secret keys;
 * it never carries a value, and its inputs hash is a digest.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class) // the data plane is managed: the operator tries to log in to dfs with the password
class SecretLeakIT extends E2E {

    private static final String SECRET_FED = "^(DITTOFS_CONTROLPLANE_SECRET|DITTOFS_ADMIN_INITIAL_PASSWORD"
            + "|DITTOFS_DATABASE_POSTGRES_.*|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_ENDPOINT_URL)$";

    private final SecretScanner scanner = new SecretScanner();
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    /** A distinctive value (lower case, so that it also makes a host name), registered with the scanner. */
    private String canary(String label) {
        String value = label.replaceAll("[^a-z]", "") + "leak" + run + UUID.randomUUID().toString().substring(0, 8);
        scanner.watch(label, value);
        return value;
    }

    @Test
    void noSecretValueAppearsOutsideItsSecret() throws IOException {
        userSecretsServer("leaky-user");
        generatedCredentialsServer("leaky-gen");
        missingKeyThenFixed("leaky-keyless");
        missingSecretThenCreated("leaky-late");
        String quotaNamespace = apiErrorServer("leaky-quota");
        rotate("leaky-user");
        assertPodTemplatesCarryNoValue();
        scanCluster("with the servers running");

        for (String name : List.of("leaky-user", "leaky-gen", "leaky-keyless", "leaky-late")) {
            servers().inNamespace(namespace).withName(name).delete();
        }
        servers().inNamespace(quotaNamespace).withName("leaky-quota").delete();
        await().atMost(TIMEOUT).until(() -> admin.apps().statefulSets().inNamespace(namespace).list().getItems()
                .isEmpty() && servers().inAnyNamespace().list().getItems().stream()
                .noneMatch(s -> s.getMetadata().getName().startsWith("leaky-")));
        scanCluster("after deletion");
        scanOperatorLog();
        admin.namespaces().withName(quotaNamespace).delete();

        assertThat(scanner.watched()).as("secret values watched").isGreaterThanOrEqualTo(19);
        assertThat(scanner.findings()).as("secret values found outside their Secrets").isEmpty();
    }

    /**
     * The wire between the operator and dfs in the default install (no TLS field set): a relay on the pod's API
     * address records every byte while the operator logs in as admin and creates a declared user. The operator speaks
     * TLS on every connection, verifies the certificate the operator's CA issued, and neither the admin password nor
     * the user's password crosses the wire in clear.
     */
    @Test
    void theOperatorSendsNoPasswordInClearToDfsByDefault() {
        String name = "wire-default";
        createSecret(namespace, name + "-alice", Map.of("password", canary("declared user password")));
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        server.getSpec().getControlPlane().setPort(FaultyApi.freePort());
        UserSpec alice = new UserSpec();
        alice.setName("alice");
        alice.setPasswordSecretRef(new SecretKeySelector("password", name + "-alice", false));
        server.getSpec().setUsers(new java.util.ArrayList<>(List.of(alice)));
        assertThat(server.getSpec().getControlPlane().getTls()).as("the default install").isNull();
        create(server);

        String ip = await().atMost(TIMEOUT).until(() -> {
            var pod = admin.pods().inNamespace(namespace).withName(name + "-0").get();
            return pod == null || pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        }, java.util.Objects::nonNull);
        scanner.watch("generated admin password", secretValue(namespace, name + "-admin", "password"));
        int dfsPort = FaultyApi.freePort();
        try (var dfs = Kubelet.run(admin, namespace, name + "-0", DfsProcess.loopback(dfsPort, null));
                var relay = RecordingRelay.start(ip, server.getSpec().getControlPlane().getPort(), dfsPort)) {
            assertThat(dfs.apiUri().getScheme()).as("dfs serves HTTPS by default").isEqualTo("https");
            await().atMost(TIMEOUT).until(() -> conditionIs(name, "DataPlaneReady", "True")
                    && get(name).getStatus().getUsers() != null && get(name).getStatus().getUsers().stream()
                    .anyMatch(u -> "alice".equals(u.getName()) && Boolean.TRUE.equals(u.getReady())));
            assertThat(relay.connections()).as("the operator reached dfs through the relay").isPositive();
            scanner.scan("bytes the operator sent to dfs", new String(relay.fromOperator(),
                    StandardCharsets.ISO_8859_1));
            scanner.scan("bytes dfs sent to the operator", new String(relay.fromDfs(), StandardCharsets.ISO_8859_1));
            assertThat(scanner.watched()).isEqualTo(2);
            assertThat(scanner.findings()).as("passwords on the wire between the operator and dfs").isEmpty();
            assertThat(relay.openings()).as("every connection opens with a TLS handshake record")
                    .allSatisfy(b -> assertThat(b[0]).isEqualTo((byte) 0x16));
            assertThat(get(name).getStatus().getEndpoints().getApi()).startsWith("https://");
            assertThat(get(name).getStatus().getConditions()).noneMatch(c -> "ApiEncrypted".equals(c.getType()));
        }
        // the certificate is the operator's: in its own Secret, issued by the namespace's operator CA
        Secret tls = admin.secrets().inNamespace(namespace).withName(name + "-api-tls").get();
        assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(tls.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo(name));
        assertThat(decode(tls.getData().get("ca.crt")))
                .contains(decode(admin.secrets().inNamespace(namespace).withName("dittofs-api-ca").get().getData()
                        .get("tls.crt")).trim());
        servers().inNamespace(namespace).withName(name).delete();
    }

    /** Every user Secret the CRD can reference, with a canary in every key. */
    private void userSecretsServer(String name) {
        createSecret(namespace, name + "-u-jwt", Map.of("signing", canary("user JWT secret")));
        createSecret(namespace, name + "-u-admin", Map.of("password", canary("user admin password")));
        createSecret(namespace, name + "-u-s3", Map.of("accessKeyId", canary("S3 access key id"),
                "secretAccessKey", canary("S3 secret access key"),
                "endpoint", "http://" + canary("S3 endpoint") + ".example:9000"));
        Map<String, String> pg = new LinkedHashMap<>();
        pg.put("host", canary("postgres host") + ".example");
        pg.put("port", "5432");
        pg.put("database", canary("postgres database"));
        pg.put("user", canary("postgres user"));
        pg.put("password", canary("postgres password"));
        pg.put("sslmode", "disable");
        createSecret(namespace, name + "-u-pg", pg);

        DittoServer server = LeakyServers.withEverySecret(name);
        create(server);
        awaitCondition(name, "Available", "True");
        awaitDataPlaneAttempted(name);
    }

    private void generatedCredentialsServer(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        create(server);
        awaitCondition(name, "Available", "True");
        scanner.watch("generated JWT secret", secretValue(namespace, name + "-jwt", "secret"));
        scanner.watch("generated admin password", secretValue(namespace, name + "-admin", "password"));
        awaitDataPlaneAttempted(name);
    }

    /** The referenced Secret exists but lacks the key; its other keys hold values. Then the key is added. */
    private void missingKeyThenFixed(String name) {
        createSecret(namespace, name + "-pw", Map.of("passwd", canary("value under a wrong key")));
        create(LeakyServers.withAdminSecret(name, name + "-pw"));
        awaitCondition(name, "ConfigReady", "False");
        awaitWarning(name, "SecretMissing");
        String fixed = canary("admin password added later");
        admin.secrets().inNamespace(namespace).withName(name + "-pw").edit(s -> {
            s.getData().put("password", encode(fixed));
            return s;
        });
        awaitCondition(name, "Available", "True");
    }

    private void missingSecretThenCreated(String name) {
        create(LeakyServers.withAdminSecret(name, name + "-pw"));
        awaitCondition(name, "ConfigReady", "False");
        createSecret(namespace, name + "-pw", Map.of("password", canary("admin password of a late Secret")));
        awaitCondition(name, "Available", "True");
    }

    /** A quota forbids Services in a namespace of its own: the workflow fails with the API server's answer. */
    private String apiErrorServer(String name) {
        String quotaNamespace = namespace + "-quota";
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(quotaNamespace).endMetadata()
                .build()).create();
        admin.resourceQuotas().inNamespace(quotaNamespace).resource(new ResourceQuotaBuilder().withNewMetadata()
                .withName("no-services").endMetadata().withNewSpec().addToHard("services", new Quantity("0"))
                .endSpec().build()).create();
        await().atMost(TIMEOUT).until(() -> {
            var quota = admin.resourceQuotas().inNamespace(quotaNamespace).withName("no-services").get();
            return quota.getStatus() != null && quota.getStatus().getHard() != null
                    && quota.getStatus().getHard().containsKey("services");
        });
        createSecret(quotaNamespace, name + "-pw", Map.of("password", canary("admin password, quota namespace")));
        DittoServer server = LeakyServers.withAdminSecret(name, name + "-pw");
        server.getMetadata().setNamespace(quotaNamespace);
        servers().inNamespace(quotaNamespace).resource(server).create();
        await().atMost(TIMEOUT).until(() -> {
            DittoServer s = servers().inNamespace(quotaNamespace).withName(name).get();
            return s.getStatus() != null && s.getStatus().getConditions().stream().anyMatch(c ->
                    "Ready".equals(c.getType()) && "ReconcileError".equals(c.getReason()));
        });
        String message = servers().inNamespace(quotaNamespace).withName(name).get().getStatus().getConditions()
                .stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElseThrow().getMessage();
        assertThat(message).as("the API server's words, not a stack trace").contains("exceeded quota")
                .doesNotContain("\tat ").doesNotContain("\n");
        return quotaNamespace;
    }

    /** New values in every user Secret of a running server: the pod rolls, and the old and new values stay put. */
    private void rotate(String name) {
        String before = LeakyServers.inputsHash(admin, namespace, name);
        Map<String, String> rotated = Map.of(name + "-u-jwt/signing", canary("rotated JWT secret"),
                name + "-u-admin/password", canary("rotated admin password"),
                name + "-u-s3/secretAccessKey", canary("rotated S3 secret access key"),
                name + "-u-pg/password", canary("rotated postgres password"));
        rotated.forEach((ref, value) -> admin.secrets().inNamespace(namespace).withName(ref.split("/")[0]).edit(s -> {
            s.getData().put(ref.split("/")[1], encode(value));
            return s;
        }));
        await().atMost(TIMEOUT).until(() -> !before.equals(LeakyServers.inputsHash(admin, namespace, name)));
        awaitCondition(name, "Available", "True");
        awaitEvent(name, "Normal", "RollingUpdate");
    }

    private void assertPodTemplatesCarryNoValue() {
        for (var sts : admin.apps().statefulSets().inAnyNamespace().withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list().getItems()) {
            var template = sts.getSpec().getTemplate();
            String hash = template.getMetadata().getAnnotations().get(Labels.POD_INPUTS_HASH);
            assertThat(hash).as("inputs hash of %s", sts.getMetadata().getName()).matches("[0-9a-f]{32}");
            for (var container : template.getSpec().getContainers()) {
                assertThat(container.getEnvFrom()).as("no envFrom").isNullOrEmpty();
                container.getEnv().stream().filter(e -> e.getName().matches(SECRET_FED)).forEach(e -> {
                    assertThat(e.getValue()).as("%s of %s", e.getName(), sts.getMetadata().getName()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
                });
            }
        }
        var user = admin.apps().statefulSets().inNamespace(namespace).withName("leaky-user").get();
        assertThat(user.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(e -> e.getName().matches(SECRET_FED)).hasSize(11);
        // the status follows the StatefulSet within a pass
        await().atMost(TIMEOUT).until(() -> LeakyServers.inputsHash(admin, namespace, "leaky-user")
                .equals(get("leaky-user").getStatus().getConfigHash()));
    }

    /** Everything the operator writes or causes, in every namespace, but the Secrets themselves. */
    private void scanCluster(String when) {
        List<List<? extends HasMetadata>> kinds = List.of(
                admin.configMaps().inAnyNamespace().list().getItems(),
                admin.v1().events().inAnyNamespace().list().getItems(),
                admin.events().v1().events().inAnyNamespace().list().getItems(),
                servers().inAnyNamespace().list().getItems(),
                admin.apps().statefulSets().inAnyNamespace().list().getItems(),
                admin.pods().inAnyNamespace().list().getItems(),
                admin.services().inAnyNamespace().list().getItems(),
                admin.persistentVolumeClaims().inAnyNamespace().list().getItems());
        kinds.forEach(objects -> objects.forEach(o -> scanner.scan(o.getKind() + " " + o.getMetadata().getNamespace()
                + "/" + o.getMetadata().getName() + " (" + when + ")", Serialization.asJson(o))));
    }

    /** The output of the packaged operator, where the @QuarkusIntegrationTest launcher writes it. */
    private void scanOperatorLog() throws IOException {
        Path log = PropertyTestUtil.getLogFilePath();
        assertThat(log).as("the operator's log").exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the operator's log covers this test").contains("leaky-quota");
        scanner.scan("the operator's log " + log, text);
    }

    private void awaitDataPlaneAttempted(String name) {
        await().atMost(TIMEOUT).until(() -> condition(name, "DataPlaneReady")
                .map(c -> !"WaitingForServer".equals(c.getReason())).orElse(false));
    }

    private void awaitWarning(String name, String reason) {
        awaitEvent(name, "Warning", reason);
    }

    private void awaitEvent(String name, String type, String reason) {
        await().atMost(TIMEOUT).until(() -> admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(e -> reason.equals(e.getReason()) && type.equals(e.getType())
                        && name.equals(e.getInvolvedObject().getName())));
    }

    private static void createSecret(String ns, String name, Map<String, String> data) {
        Secret secret = Fixtures.secret(name, data);
        secret.getMetadata().setNamespace(ns);
        admin.resource(secret).create();
    }

    private static String secretValue(String ns, String name, String key) {
        return decode(admin.secrets().inNamespace(ns).withName(name).get().getData().get(key));
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
