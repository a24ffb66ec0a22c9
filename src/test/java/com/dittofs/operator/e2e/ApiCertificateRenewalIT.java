package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.TlsMode;
import com.dittofs.operator.certificates.X509;
import com.dittofs.operator.contract.DfsProcess;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The operator's own certificates on the real control plane with the real dfs, with a 90-second lifetime: the
 * certificate of a default install is renewed a third of its lifetime before it ends, from the same CA, and dfs
 * serves the new one after the kubelet's refresh of the Secret volume, in the same process, the pod never replaced,
 * the data plane still converged. And plain HTTP only on request, said by the status.
 */
@QuarkusIntegrationTest
@TestProfile(ShortCertificates.class)
class ApiCertificateRenewalIT extends E2E {

    private static X509Certificate leaf(Secret secret) throws Exception {
        return X509.certificates(decode(secret.getData().get("tls.crt"))).get(0);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }

    private static Secret tlsSecret(String name) {
        return admin.secrets().inNamespace(namespace).withName(name + "-api-tls").get();
    }

    /** The serial number of the certificate dfs serves now, verified against {@code caPem}. */
    private static BigInteger served(DfsProcess dfs, String caPem) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new DfsTls(caPem, "unused").pkix()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                dfs.apiPort())) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    @Test
    void theCertificateIsRenewedBeforeItEndsAndDfsServesItWithoutARestart() throws Exception {
        DittoServer server = Fixtures.basic();
        String name = "renewing";
        server.getMetadata().setName(name);
        create(server);
        await().atMost(TIMEOUT).until(() -> tlsSecret(name) != null);
        Secret first = tlsSecret(name);
        X509Certificate issued = leaf(first);
        assertThat(Duration.between(issued.getNotBefore().toInstant(), issued.getNotAfter().toInstant()))
                .as("90 s, backdated a tenth of that").isEqualTo(Duration.ofSeconds(99));
        awaitPodIp(name + "-0");
        String podUid = admin.pods().inNamespace(namespace).withName(name + "-0").get().getMetadata().getUid();
        String hash = LeakyServers.inputsHash(admin, namespace, name);
        try (DfsProcess dfs = Kubelet.run(admin, namespace, name + "-0")) {
            awaitReady(name);
            String ca = decode(first.getData().get("ca.crt"));
            assertThat(served(dfs, ca)).isEqualTo(issued.getSerialNumber());

            // due a third of 99 s (33 s) before the end: 57 s after it was issued
            await().atMost(Duration.ofSeconds(90).plus(TIMEOUT)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !leaf(tlsSecret(name)).getSerialNumber().equals(issued.getSerialNumber()));
            Secret renewed = tlsSecret(name);
            X509Certificate next = leaf(renewed);
            assertThat(issued.getNotAfter()).as("renewed before the old one ended").isAfter(new java.util.Date(
                    System.currentTimeMillis()));
            assertThat(decode(renewed.getData().get("ca.crt"))).as("same CA").isEqualTo(ca);
            long pid = dfs.pid();
            Kubelet.refreshSecretVolumes(admin, namespace, name + "-0", dfs);
            await().atMost(TIMEOUT).until(() -> served(dfs, ca).equals(next.getSerialNumber()));
            assertThat(dfs.pid()).as("the same dfs process serves the new certificate").isEqualTo(pid);
            assertThat(conditionIs(name, "DataPlaneReady", "True")).isTrue();
        }
        assertThat(admin.pods().inNamespace(namespace).withName(name + "-0").get().getMetadata().getUid())
                .as("a renewal never replaces the pod").isEqualTo(podUid);
        assertThat(LeakyServers.inputsHash(admin, namespace, name)).isEqualTo(hash);
        servers().inNamespace(namespace).withName(name).delete();
    }

    @Test
    void plainHttpOnlyOnRequestAndTheStatusSaysSo() {
        DittoServer server = Fixtures.basic();
        String name = "plain";
        server.getMetadata().setName(name);
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setMode(TlsMode.DISABLED);
        server.getSpec().getControlPlane().setTls(tls);
        create(server);
        await().atMost(TIMEOUT).until(() -> condition(name, "ApiEncrypted")
                .map(c -> "False".equals(c.getStatus()) && "TlsDisabled".equals(c.getReason())).orElse(false));
        assertThat(get(name).getStatus().getEndpoints().getApi()).startsWith("http://");
        assertThat(admin.configMaps().inNamespace(namespace).withName(name + "-config").get().getData()
                .get("config.yaml")).doesNotContain("cert_file");
        assertThat(tlsSecret(name)).isNull();

        edit(name, s -> s.getSpec().getControlPlane().setTls(null));
        await().atMost(TIMEOUT).until(() -> condition(name, "ApiEncrypted").isEmpty() && tlsSecret(name) != null);
        assertThat(get(name).getStatus().getEndpoints().getApi()).startsWith("https://");
        servers().inNamespace(namespace).withName(name).delete();
    }
}
