package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import com.dittofs.operator.api.v1alpha1.ClientAuthSpec;
import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.api.v1alpha1.UserStatus;
import com.dittofs.operator.certificates.X509;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * controlPlane.tls.clientAuth against the real dfs: dfs refuses a client without a certificate of the CA (on /health
 * too), and one with a certificate of another CA; the operator, presenting its own from the namespace's CA, still
 * converges the data plane (the export and a declared user) and the server is Ready; the probes are TCP checks.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class ApiMutualTlsIT extends E2E {

    private static final String NAME = "mutual";

    @Test
    void onlyClientsWithACertificateOfTheCaGetInAndTheOperatorIsOne() throws Exception {
        admin.secrets().inNamespace(namespace).resource(Fixtures.secret("dora-password",
                Map.of("password", "dora-password-1"))).create();
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(NAME);
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setClientAuth(new ClientAuthSpec());
        server.getSpec().getControlPlane().setTls(tls);
        UserSpec dora = new UserSpec();
        dora.setName("dora");
        dora.setPasswordSecretRef(new SecretKeySelector("password", "dora-password", false));
        server.getSpec().setUsers(new java.util.ArrayList<>(List.of(dora)));
        create(server);
        awaitPodIp(NAME + "-0");
        var container = admin.pods().inNamespace(namespace).withName(NAME + "-0").get().getSpec().getContainers()
                .get(0);
        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                container.getReadinessProbe())) {
            assertThat(probe.getTcpSocket()).as("the kubelet has no client certificate").isNotNull();
        }
        dfs = Kubelet.run(admin, namespace, NAME + "-0");
        awaitReady(NAME);
        assertThat(conditionIs(NAME, "DataPlaneReady", "True")).isTrue();
        assertThat(get(NAME).getStatus().getUsers()).extracting(UserStatus::getName, UserStatus::getReady)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dora", true));

        Secret caSecret = admin.secrets().inNamespace(namespace).withName("dittofs-api-ca").get();
        String caPem = decode(caSecret.getData().get("ca.crt"));
        X509.Issued ca = new X509.Issued(X509.certificates(decode(caSecret.getData().get("tls.crt"))).get(0),
                X509.privateKey(decode(caSecret.getData().get("tls.key"))));
        Instant now = Instant.now();
        X509.Issued ours = X509.client(ca, "a-client", now, now.plus(Duration.ofHours(1)));
        X509.Issued foreignCa = X509.ca("foreign CA", now, Duration.ofDays(1));
        X509.Issued foreign = X509.client(foreignCa, "a-client", now, now.plus(Duration.ofHours(1)));

        assertThat(health(caPem, null)).as("no client certificate").isNull();
        assertThat(health(caPem, foreign)).as("a certificate of another CA").isNull();
        assertThat(health(caPem, ours)).as("a certificate of the CA").startsWith("HTTP/1.1 200");
    }

    /** The status line dfs answers GET /health with, or null when it refused the connection. */
    private static String health(String caPem, X509.Issued client) throws Exception {
        DfsTls tls = new DfsTls(caPem, "unused");
        if (client != null) {
            tls = tls.withClientCertificate(X509.pem(client.certificate()), X509.pem(client.key()));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(client == null ? null : new KeyManager[] {tls.keyManager()},
                new TrustManager[] {tls.pkix()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", dfs.apiPort())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: dfs\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
            return reply.startsWith("HTTP/") ? reply.lines().findFirst().orElseThrow() : null;
        } catch (IOException e) {
            return null; // handshake refused (TLS 1.2) or alert after it (TLS 1.3)
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }
}
