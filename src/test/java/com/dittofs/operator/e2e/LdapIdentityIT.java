package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.LdapSpec;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.testing.Proc;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * spec.identity.ldap against a real OpenLDAP slapd (Debian slapd, started here as a plain process on loopback) and
 * the real dfs: the operator sets the directory through dfs's REST API (dfs reads its config file's ldap block on
 * first boot only), dfs binds to slapd with the password from the Secret, a rotated bind password reaches dfs without
 * a pod roll, a missing Secret is a condition, and removing the block turns the directory off in dfs.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapIdentityIT extends E2E {

    private static final String NAME = "ldap-files";
    private static final String BIND_SECRET = "ldap-bind";
    private static final String BIND_DN = "cn=svc,dc=test";
    @RegisterExtension
    static final Slapd SLAPD = Slapd.plain(IdentityScripts.workDir("slapd"), "bind-pw-1");
    private static final String URL = "ldap://127.0.0.1:" + SLAPD.port();

    @BeforeAll
    static void slapdAndAServerUsingIt() throws Exception {
        admin.resource(secret("bind-pw-1")).inNamespace(namespace).create();
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        server.getMetadata().setName(NAME);
        server.getSpec().setIdentity(new IdentitySpec());
        server.getSpec().getIdentity().setLdap(ldap());
        create(server);
        runDfs(NAME);
        awaitReady(NAME);
    }

    private static LdapSpec ldap() {
        LdapSpec ldap = new LdapSpec();
        ldap.setEnabled(true);
        ldap.setUrl(URL);
        ldap.setAllowPlaintext(true);
        ldap.setBaseDN("dc=test");
        ldap.setBindDN(BIND_DN);
        ldap.setBindPasswordSecretRef(new SecretKeySelector("password", BIND_SECRET, null));
        return ldap;
    }

    private static io.fabric8.kubernetes.api.model.Secret secret(String password) {
        return new SecretBuilder().withNewMetadata().withName(BIND_SECRET).endMetadata()
                .addToStringData("password", password).build();
    }

    private static DfsRest dfsAsAdmin() {
        return DfsRest.asAdmin(admin, namespace, NAME, dfs);
    }

    private static String podInputsHash() {
        return admin.apps().statefulSets().inNamespace(namespace).withName(NAME).get().getSpec().getTemplate()
                .getMetadata().getAnnotations().get(Labels.POD_INPUTS_HASH);
    }

    @Test
    @Order(1)
    void dfsHoldsTheDeclaredDirectoryAndBindsToIt() {
        JsonNode stored = dfsAsAdmin().identityProvider("ldap");
        assertThat(stored.path("enabled").asBoolean()).isTrue();
        assertThat(stored.path("url").asText()).isEqualTo(URL);
        assertThat(stored.path("base_dn").asText()).isEqualTo("dc=test");
        assertThat(stored.path("bind_dn").asText()).isEqualTo(BIND_DN);
        assertThat(stored.path("allow_plaintext").asBoolean()).isTrue();
        assertThat(stored.path("bind_password").asText()).isEqualTo("********");
        JsonNode test = dfsAsAdmin().testStoredLdap();
        assertThat(test.path("ok").asBoolean()).as(test.toString()).isTrue();
        // the password went through the API only: neither the config nor the pod carry it
        String config = admin.configMaps().inNamespace(namespace).withName(NAME + "-config").get().getData()
                .get("config.yaml");
        assertThat(config).doesNotContain("bind-pw-1").doesNotContain("ldap");
        var pod = admin.pods().inNamespace(namespace).withName(NAME + "-0").get();
        assertThat(pod.getSpec().getContainers().get(0).getEnv())
                .noneMatch(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                        && BIND_SECRET.equals(e.getValueFrom().getSecretKeyRef().getName()));
    }

    @Test
    @Order(2)
    void aRotatedBindPasswordReachesDfsWithoutARoll() {
        String hash = podInputsHash();
        Proc.run(List.of("ldappasswd", "-x", "-H", URL, "-D", "cn=root,dc=test", "-w", "rootpw", "-s", "bind-pw-2",
                BIND_DN), Map.of(), null, Duration.ofSeconds(30)).orFail();
        // dfs still holds the old password: its bind now fails, until the operator sends the new one
        assertThat(dfsAsAdmin().testStoredLdap().path("ok").asBoolean()).isFalse();
        admin.resource(secret("bind-pw-2")).inNamespace(namespace).update();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> dfsAsAdmin().testStoredLdap().path("ok").asBoolean());
        assertThat(podInputsHash()).isEqualTo(hash);
        awaitReady(NAME);
    }

    @Test
    @Order(3)
    void aMissingSecretIsAConditionNotACrash() {
        edit(NAME, s -> s.getSpec().getIdentity().getLdap().getBindPasswordSecretRef().setName("no-such-secret"));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> condition(NAME, "DataPlaneReady")
                .map(c -> "IdentitySecretMissing".equals(c.getReason())).orElse(false));
        assertThat(condition(NAME, "DataPlaneReady").orElseThrow().getMessage())
                .contains("no-such-secret").contains("spec.identity.ldap.bindPasswordSecretRef");
        assertThat(conditionIs(NAME, "Available", "True")).isTrue();
        assertThat(dfsAsAdmin().testStoredLdap().path("ok").asBoolean()).isTrue(); // dfs keeps the last directory
        edit(NAME, s -> s.getSpec().getIdentity().getLdap().getBindPasswordSecretRef().setName(BIND_SECRET));
        awaitReady(NAME);
    }

    @Test
    @Order(4)
    void anEditedBaseDnReachesDfsAndARemovedBlockTurnsTheDirectoryOff() {
        edit(NAME, s -> s.getSpec().getIdentity().getLdap().setBaseDN("ou=people,dc=test"));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> "ou=people,dc=test"
                .equals(dfsAsAdmin().identityProvider("ldap").path("base_dn").asText()));
        edit(NAME, s -> s.getSpec().getIdentity().setLdap(null));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> !dfsAsAdmin().identityProvider("ldap").path("enabled").asBoolean(true));
        awaitReady(NAME);
    }
}
