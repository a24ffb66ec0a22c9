package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ClientAuthSpec;
import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.certificates.X509;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** spec.controlPlane.tls.clientAuth: the rendered client_ca, the CA file in the pod, TCP probes, the pod inputs. */
class ClientAuthTest {

    private static DittoServer withClientAuth(ClientAuthSpec auth) {
        DittoServer server = Fixtures.basic();
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setClientAuth(auth);
        server.getSpec().getControlPlane().setTls(tls);
        return server;
    }

    private static ClientAuthSpec ownCa() {
        ClientAuthSpec auth = new ClientAuthSpec();
        auth.setCaSecretRef(new SecretKeySelector("ca.pem", "clients-ca", null));
        auth.setOperatorCertificateSecretName("operator-client");
        return auth;
    }

    private static StatefulSet build(DittoServer server, String ca) {
        return StatefulSetDependent.build(server,
                Fixtures.inputs(server, Fixtures.secret("clients-ca", Map.of("ca.pem", ca))), Optional.empty());
    }

    private static Container dfs(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Volume clientCaVolume(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> "tls-client-ca".equals(v.getName())).findFirst().orElseThrow();
    }

    @Test
    void dfsIsToldTheClientCaFile() {
        assertThat(DfsConfigRenderer.render(withClientAuth(new ClientAuthSpec()).getSpec()))
                .contains("client_ca: /tls-client-ca/ca.crt");
        assertThat(DfsConfigRenderer.render(Fixtures.basic().getSpec())).doesNotContain("client_ca");
    }

    /** Without a CA of the user's: the operator's CA Secret, but only its ca.crt, never its key. */
    @Test
    void theOperatorsCaBundleAloneIsMountedByDefault() {
        StatefulSet sts = build(withClientAuth(new ClientAuthSpec()), "CA");
        Volume volume = clientCaVolume(sts);
        assertThat(volume.getSecret().getSecretName()).isEqualTo("dittofs-api-ca");
        assertThat(volume.getSecret().getItems()).singleElement()
                .satisfies(i -> assertThat(List.of(i.getKey(), i.getPath())).containsExactly("ca.crt", "ca.crt"));
        assertThat(dfs(sts).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("tls-client-ca");
            assertThat(m.getMountPath()).isEqualTo("/tls-client-ca");
        });
    }

    @Test
    void aCaOfTheUsersIsMountedUnderTheFixedNameAndRollsThePodWhenItChanges() {
        StatefulSet sts = build(withClientAuth(ownCa()), "CA1");
        assertThat(clientCaVolume(sts).getSecret().getSecretName()).isEqualTo("clients-ca");
        assertThat(clientCaVolume(sts).getSecret().getItems()).singleElement()
                .satisfies(i -> assertThat(List.of(i.getKey(), i.getPath())).containsExactly("ca.pem", "ca.crt"));
        String hash = sts.getSpec().getTemplate().getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
        assertThat(build(withClientAuth(ownCa()), "CA2").getSpec().getTemplate().getMetadata().getAnnotations()
                .get("dittofs.dittofs.com/inputs-hash")).as("dfs reads client_ca at start only").isNotEqualTo(hash);
        var missing = Fixtures.inputs(withClientAuth(ownCa()));
        assertThat(missing.secrets().problems()).anySatisfy(p -> assertThat(p)
                .contains("spec.controlPlane.tls.clientAuth.caSecretRef"));
    }

    /**
     * The operator issues its client certificate from the namespace's CA at once when that CA is renewed; dfs reads
     * the bundle at start only: a new bundle must roll the pod, or the operator is locked out.
     */
    @Test
    void aRenewedOperatorCaRollsThePodAndOnlyItsBundleCounts() {
        DittoServer server = withClientAuth(new ClientAuthSpec());
        String before = hash(server, "CA1", "key-1");
        assertThat(hash(server, "CA1", "key-2")).as("the CA's key never enters the pod").isEqualTo(before);
        assertThat(hash(server, "CA2\nCA1", "key-2")).as("a renewed CA's bundle").isNotEqualTo(before);
        assertThat(hash(Fixtures.basic(), "CA1", "key-1")).as("without clientAuth the CA is no input")
                .isEqualTo(hash(Fixtures.basic(), "CA2", "key-2"));
        var generated = new java.util.HashMap<>(Fixtures.generatedSecrets(server));
        generated.remove("dittofs-api-ca");
        assertThat(PodInputs.of(server, Fixtures.lookup(generated)).secrets().problems())
                .anySatisfy(p -> assertThat(p).contains("\"dittofs-api-ca\""));
    }

    private static String hash(DittoServer server, String bundle, String key) {
        return Fixtures.inputs(server, Fixtures.secret("dittofs-api-ca",
                Map.of("tls.crt", "CA", "tls.key", key, "ca.crt", bundle))).hash();
    }

    /** The kubelet has no client certificate, and dfs asks one for /health too. */
    @Test
    void probesCheckTheApiPortOverTcp() {
        StatefulSet sts = build(withClientAuth(new ClientAuthSpec()), "CA");
        for (Probe probe : List.of(dfs(sts).getStartupProbe(), dfs(sts).getLivenessProbe(),
                dfs(sts).getReadinessProbe())) {
            assertThat(probe.getHttpGet()).isNull();
            assertThat(probe.getTcpSocket().getPort().getStrVal()).isEqualTo("api");
        }
    }

    @Test
    void theOperatorsClientCertificateIsForClientAuthAndLoadsIntoAKeyManager() throws Exception {
        Instant now = Instant.now();
        X509.Issued ca = X509.ca("test CA", now, java.time.Duration.ofDays(1));
        X509.Issued client = X509.client(ca, "dittofs-operator", now, now.plus(java.time.Duration.ofHours(1)));
        assertThat(client.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        client.certificate().verify(ca.certificate().getPublicKey());
        DfsTls tls = new DfsTls(X509.pem(ca.certificate()), "my-dittofs-api.files.svc")
                .withClientCertificate(X509.pem(client.certificate()), X509.pem(client.key()));
        assertThat(tls.keyManager().getClientAliases("EC", null)).isNotEmpty();
        assertThat(tls.toString()).doesNotContain("PRIVATE");
        assertThat(new DfsTls(null, "x").keyManager()).isNull();
    }
}
