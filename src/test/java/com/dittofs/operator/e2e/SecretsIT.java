package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.AdminSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** Referenced Secrets: missing ones are a condition (not a crash loop) until they appear; rotations roll the pod. */
@QuarkusIntegrationTest
class SecretsIT extends E2E {

    private static DittoServer withAdminSecret(String name, String secret) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        return Fixtures.withAdminSecret(server, secret);
    }

    private static Secret secret(String name, Map<String, String> data) {
        Secret secret = Fixtures.secret(name, data);
        secret.getMetadata().setNamespace(namespace);
        return secret;
    }

    private static String hash(String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get().getSpec().getTemplate()
                .getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
    }

    @Test
    void missingSecretIsReportedThenRecoveredWhenItAppears() {
        create(withAdminSecret("late", "late-admin"));
        awaitCondition("late", "ConfigReady", "False");
        assertThat(condition("late", "ConfigReady")).get().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("SecretMissing");
            assertThat(c.getMessage()).contains("late-admin").contains("spec.identity.admin.passwordSecretRef");
        });
        assertThat(condition("late", "Ready")).get().satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
        assertThat(get("late").getStatus().getPhase().name()).isEqualTo("Failed");
        assertThat(admin.apps().statefulSets().inNamespace(namespace).withName("late").get())
                .as("no pod is started without its inputs").isNull();
        await().atMost(TIMEOUT).until(() -> admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(e -> "SecretMissing".equals(e.getReason()) && "Warning".equals(e.getType())
                        && "late".equals(e.getInvolvedObject().getName())));

        admin.resource(secret("late-admin", Map.of("password", "correct-horse-battery"))).create();
        awaitReady("late");
        var env = admin.apps().statefulSets().inNamespace(namespace).withName("late").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnv();
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("DITTOFS_ADMIN_INITIAL_PASSWORD");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("late-admin");
        });
        assertThat(admin.secrets().inNamespace(namespace).withName("late-jwt").get()).isNotNull();
        assertThat(admin.secrets().inNamespace(namespace).withName("late-admin-admin").get()).isNull();
    }

    @Test
    void missingKeyIsNamed() {
        admin.resource(secret("wrong-key", Map.of("passwd", "x"))).create();
        create(withAdminSecret("keyless", "wrong-key"));
        awaitCondition("keyless", "ConfigReady", "False");
        assertThat(condition("keyless", "ConfigReady").get().getMessage())
                .contains("wrong-key").contains("has no key \"password\"");
    }

    @Test
    void rotatingAReferencedSecretRollsThePod() {
        admin.resource(secret("rotating-admin", Map.of("password", "first-password"))).create();
        create(withAdminSecret("rotating", "rotating-admin"));
        awaitReady("rotating");
        String before = hash("rotating");
        admin.secrets().inNamespace(namespace).withName("rotating-admin").edit(s -> {
            s.getData().put("password", java.util.Base64.getEncoder().encodeToString("second-password".getBytes()));
            return s;
        });
        await().atMost(TIMEOUT).until(() -> !before.equals(hash("rotating")));
        awaitReady("rotating");
    }

    @Test
    void generatedSecretsAreNeverOverwritten() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("stable-creds");
        create(server);
        awaitReady("stable-creds");
        var password = admin.secrets().inNamespace(namespace).withName("stable-creds-admin").get().getData();
        edit("stable-creds", s -> s.getSpec().getMetrics().setEnabled(true));
        await().atMost(TIMEOUT).until(() -> admin.services().inNamespace(namespace).withName("stable-creds-metrics")
                .get() != null);
        assertThat(admin.secrets().inNamespace(namespace).withName("stable-creds-admin").get().getData())
                .isEqualTo(password);
    }

    /** Deletes a referenced Secret and waits until the server reports it missing. */
    private static void deleteAndAwaitMissing(String server, String secret) {
        admin.secrets().inNamespace(namespace).withName(secret).delete();
        await().atMost(TIMEOUT).pollInterval(java.time.Duration.ofMillis(500)).until(() -> condition(server,
                "ConfigReady").map(c -> "False".equals(c.getStatus()) && "SecretMissing".equals(c.getReason()))
                .orElse(false));
        assertThat(condition(server, "Ready")).get().satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
    }

    /** Re-creates the Secret and returns how long until the server is Ready again. */
    private static java.time.Duration recreate(String server, String secret, String password) {
        long start = System.nanoTime();
        admin.resource(secret(secret, Map.of("password", password))).create();
        awaitReady(server);
        return java.time.Duration.ofNanos(System.nanoTime() - start);
    }

    /** A server on its own admin Secret, Ready, and what must outlive the Secret's absence. */
    private record Running(String name, FaultInvariants invariants, String statefulSetUid, String hash) {

        static Running server(String name) {
            admin.resource(secret(name + "-admin", Map.of("password", "first-password"))).create();
            create(withAdminSecret(name, name + "-admin"));
            awaitReady(name);
            return new Running(name, new FaultInvariants(admin, namespace, java.util.List.of(name)).observe(),
                    admin.apps().statefulSets().inNamespace(namespace).withName(name).get().getMetadata().getUid(),
                    SecretsIT.hash(name));
        }

        void assertKeptWhileMissing() {
            assertThat(admin.apps().statefulSets().inNamespace(namespace).withName(name).get().getMetadata()
                    .getUid()).as("the StatefulSet was kept while the Secret was missing").isEqualTo(statefulSetUid);
            invariants.observe().assertIntact();
        }
    }

    /** Deletes the server's admin Secret, waits for SecretMissing, re-creates it with {@code password}. */
    private static Running deletedAndRecreated(String name, String password) {
        Running server = Running.server(name);
        deleteAndAwaitMissing(name, name + "-admin");
        FaultInvariants.printRecovery("secret-recreated-" + name, recreate(name, name + "-admin", password));
        server.assertKeptWhileMissing();
        return server;
    }

    @Test
    void aSecretDeletedAndRecreatedWithTheSameValueLeavesThePodAlone() {
        Running server = deletedAndRecreated("same-value", "first-password");
        assertThat(hash(server.name())).as("same value: the pod template is unchanged").isEqualTo(server.hash());
    }

    @Test
    void aSecretDeletedAndRecreatedWithANewValueRollsThePod() {
        Running server = deletedAndRecreated("new-value", "second-password");
        assertThat(hash(server.name())).as("new value: the pod rolls").isNotEqualTo(server.hash());
    }
}
