package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.LdapSpec;
import com.dittofs.operator.certificates.X509;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
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
 * spec.identity.ldap over TLS against a real OpenLDAP slapd with a certificate of a test CA (ldaps:// and StartTLS)
 * and the real dfs: the CA reaches dfs from a Secret (mounted; dfs reads it at each connection) and dfs verifies the
 * directory with it; a CA that did not sign the directory's certificate is the condition IdentityProviderNotTrusted;
 * a rotated CA (the directory re-certified by a new CA) reaches dfs without a restart.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapTlsIT extends E2E {

    private static final String NAME = "ldaps-files";
    private static final String CA_SECRET = "directory-ca";
    private static final X509.Issued FIRST_CA = X509.ca("directory CA 1", Instant.now(), Duration.ofDays(1));
    @RegisterExtension
    static final Slapd SLAPD = Slapd.withTls(IdentityScripts.workDir("ldaps"), "bind-pw", FIRST_CA, true);

    @BeforeAll
    static void aDirectoryWithACertificateAndAServerUsingIt() throws Exception {
        admin.resource(new SecretBuilder().withNewMetadata().withName("ldap-bind").endMetadata()
                .addToStringData("password", "bind-pw").build()).inNamespace(namespace).create();
        admin.resource(caSecret(X509.pem(FIRST_CA.certificate()))).inNamespace(namespace).create();
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        server.getMetadata().setName(NAME);
        server.getSpec().setIdentity(new IdentitySpec());
        LdapSpec ldap = new LdapSpec();
        ldap.setEnabled(true);
        ldap.setUrl("ldaps://localhost:" + SLAPD.ldapsPort());
        ldap.setBaseDN("dc=test");
        ldap.setBindDN("cn=svc,dc=test");
        ldap.setBindPasswordSecretRef(new SecretKeySelector("password", "ldap-bind", null));
        ldap.setCaSecretRef(new SecretKeySelector("ca.crt", CA_SECRET, null));
        server.getSpec().getIdentity().setLdap(ldap);
        create(server);
        runDfs(NAME);
        awaitReady(NAME);
    }

    private static io.fabric8.kubernetes.api.model.Secret caSecret(String pem) {
        return new SecretBuilder().withNewMetadata().withName(CA_SECRET).endMetadata()
                .addToStringData("ca.crt", pem).build();
    }

    /**
     * A new CA bundle, as the kubelet writes it into the pod and then as the Secret: the operator's check after the
     * Secret's event then sees the new file (a real kubelet refreshes the file up to a minute or so later; the check is
     * repeated on every sync).
     */
    private static void rotateCa(String pem) {
        dfs.writeFiles(Map.of(Names.LDAP_CA_FILE, pem));
        admin.resource(caSecret(pem)).inNamespace(namespace).update();
    }

    private static DfsRest dfsAsAdmin() {
        return DfsRest.asAdmin(admin, namespace, NAME, dfs);
    }

    private static String podInputsHash() {
        return admin.apps().statefulSets().inNamespace(namespace).withName(NAME).get().getSpec().getTemplate()
                .getMetadata().getAnnotations().get(Labels.POD_INPUTS_HASH);
    }

    private static String reason() {
        return condition(NAME, "DataPlaneReady").map(c -> c.getStatus() + "/" + c.getReason()).orElse("");
    }

    @Test
    @Order(1)
    void dfsVerifiesTheDirectoryWithTheCaOverLdapsAndStartTls() {
        var stored = dfsAsAdmin().identityProvider("ldap");
        assertThat(stored.path("url").asText()).isEqualTo("ldaps://localhost:" + SLAPD.ldapsPort());
        assertThat(stored.path("tls").path("ca_cert_file").asText()).isEqualTo(Names.LDAP_CA_FILE);
        assertThat(stored.path("tls").path("insecure_skip_verify").asBoolean()).isFalse();
        assertThat(dfsAsAdmin().testStoredLdap().path("ok").asBoolean()).isTrue();
        assertThat(conditionIs(NAME, "DataPlaneReady", "True")).isTrue();

        edit(NAME, s -> {
            s.getSpec().getIdentity().getLdap().setUrl("ldap://localhost:" + SLAPD.port());
            s.getSpec().getIdentity().getLdap().setStartTLS(true);
        });
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> dfsAsAdmin()
                .identityProvider("ldap").path("start_tls").asBoolean());
        assertThat(dfsAsAdmin().testStoredLdap().path("ok").asBoolean()).as("StartTLS, verified with the CA")
                .isTrue();
        edit(NAME, s -> {
            s.getSpec().getIdentity().getLdap().setUrl("ldaps://localhost:" + SLAPD.ldapsPort());
            s.getSpec().getIdentity().getLdap().setStartTLS(false);
        });
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> dfsAsAdmin()
                .identityProvider("ldap").path("url").asText().startsWith("ldaps://"));
        awaitReady(NAME);
    }

    @Test
    @Order(2)
    void aCaThatDidNotSignTheDirectorysCertificateIsAConditionThatSaysSo() {
        String hash = podInputsHash();
        X509.Issued foreign = X509.ca("some other CA", Instant.now(), Duration.ofDays(1));
        rotateCa(X509.pem(foreign.certificate()));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> "False/IdentityProviderNotTrusted".equals(reason()));
        assertThat(condition(NAME, "DataPlaneReady").orElseThrow().getMessage())
                .contains("does not trust the directory's certificate")
                .contains("ldaps://localhost:" + SLAPD.ldapsPort())
                .contains("x509").contains("spec.identity.ldap.caSecretRef");
        assertThat(conditionIs(NAME, "Available", "True")).as("the file server keeps serving").isTrue();
        assertThat(podInputsHash()).as("dfs reads the CA at each connection: no roll").isEqualTo(hash);
    }

    @Test
    @Order(3)
    void aRotatedCaReachesDfsWithoutARestart() throws Exception {
        String hash = podInputsHash();
        String uid = admin.pods().inNamespace(namespace).withName(NAME + "-0").get().getMetadata().getUid();
        X509.Issued nextCa = X509.ca("directory CA 2", Instant.now(), Duration.ofDays(1));
        // the usual order: trust both, re-certify the directory, then drop the old CA
        rotateCa(X509.pem(FIRST_CA.certificate()) + X509.pem(nextCa.certificate()));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> "True/Converged".equals(reason()));
        SLAPD.recertify(nextCa);
        assertThat(dfsAsAdmin().testStoredLdap().path("ok").asBoolean()).as("the new CA is in the bundle").isTrue();
        rotateCa(X509.pem(nextCa.certificate()));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> "True/Converged".equals(reason()));
        assertThat(dfsAsAdmin().testStoredLdap().path("ok").asBoolean()).isTrue();
        assertThat(podInputsHash()).isEqualTo(hash);
        assertThat(admin.pods().inNamespace(namespace).withName(NAME + "-0").get().getMetadata().getUid())
                .as("no restart").isEqualTo(uid);
    }
}
