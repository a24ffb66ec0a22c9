package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsTestClient;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.testing.FreePorts;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The REST API over HTTPS against the real dfs: dfs serves TLS with exactly the config the operator renders for
 * spec.controlPlane.tls and the Secret mounted at /tls; the operator's client logs in verifying the CA and the -api
 * Service name, and refuses another CA, another name and plain HTTP. A rotated certificate (the kubelet swapping the
 * Secret volume's files) is served by the same dfs process, with no restart.
 */
@QuarkusTest
@TestProfile(ClientTestProfile.class)
class DfsClientTlsIT {

    private static final String TLS_SECRET = "api-tls";
    private static DittoServer server;
    private static OperatorInputs inputs;
    private static TestCertificates.Ca ca;
    private static DfsProcess dfs;

    @Inject
    DfsClientFactory factory;

    @BeforeAll
    static void startDfs() {
        server = Fixtures.basic();
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setSecretName(TLS_SECRET);
        tls.setMinVersion("1.3");
        server.getSpec().getControlPlane().setTls(tls);
        ca = TestCertificates.ca("dittofs-test-ca");
        Map<String, String> certificate = ca.issue(Names.apiService(server),
                Names.apiServiceHost(server), Names.apiServiceHost(server) + ".cluster.local");
        Map<String, Secret> secrets = new HashMap<>(Fixtures.generatedSecrets(server));
        secrets.put(TLS_SECRET, Fixtures.secret(TLS_SECRET, certificate));
        inputs = OperatorInputs.of(server, secrets);
        assertThat(inputs.env()).as("the certificate is a file, never a variable").doesNotContainKey(null)
                .allSatisfy((k, v) -> assertThat(v).doesNotContain("PRIVATE KEY"));
        dfs = DfsProcess.start("tls", inputs.config(), inputs.envWith(DfsProcess.loopback(FreePorts.next(), null)),
                mounted(certificate));
    }

    @AfterAll
    static void stopDfs() {
        if (dfs != null) {
            dfs.stop();
        }
    }

    /** The Secret volume's files, at the pod paths the rendered config names. */
    private static Map<String, String> mounted(Map<String, String> secretData) {
        Map<String, String> files = new LinkedHashMap<>();
        secretData.forEach((key, value) -> files.put(Names.TLS_DIR + "/" + key, value));
        return files;
    }

    private static DfsTls trusting(TestCertificates.Ca authority) {
        return new DfsTls(authority.pem(), Names.apiServiceHost(server));
    }

    @Test
    void rendersTheMountedCertificateAndDfsServesHttpsOnly() {
        assertThat(inputs.config()).contains("cert_file: /tls/tls.crt", "key_file: /tls/tls.key",
                "min_version: \"1.3\"");
        assertThat(dfs.apiUri().getScheme()).isEqualTo("https");
        assertThat(dfs.stdout() + dfs.stderr()).contains("\"scheme\":\"https\"");
        URI plain = URI.create("http://127.0.0.1:" + dfs.apiPort());
        DfsApiException http = catchThrowableOfType(DfsApiException.class,
                () -> factory.client(plain, inputs.adminPassword(), null).findAdapter("nfs"));
        assertThat(http).as("plain HTTP to the HTTPS port gets no API answer").isNotNull();
        assertThat(http.status()).isNotEqualTo(200);
    }

    @Test
    void logsInOverHttpsVerifyingTheCaAndTheServiceName() {
        var client = factory.client(dfs.apiUri(), inputs.adminPassword(), trusting(ca));
        assertThat(client.findAdapter("nfs")).isPresent();
        assertThat(Jwts.claims(DfsTestClient.accessToken(client)).path("username").asText())
                .as("the token dfs issued over HTTPS is admin's").isEqualTo("admin");
        assertThat(factory.client(dfs.apiUri(), inputs.adminPassword(), trusting(ca)))
                .as("cached while the CA stays the same").isSameAs(client);
    }

    @Test
    void refusesAnotherCa() {
        var stranger = TestCertificates.ca("someone-else");
        DfsApiException e = catchThrowableOfType(DfsApiException.class,
                () -> adapterVerifying(trusting(stranger)));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(DfsApiException.NO_RESPONSE);
    }

    @Test
    void refusesACertificateForAnotherName() {
        DfsTls otherName = new DfsTls(ca.pem(), "other-api." + server.getMetadata().getNamespace() + ".svc");
        DfsApiException e = catchThrowableOfType(DfsApiException.class,
                () -> adapterVerifying(otherName));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(DfsApiException.NO_RESPONSE);
    }

    /**
     * Connecting to the name the certificate must carry (as the operator does in the cluster, by the -api Service),
     * the client checks the name with the JDK's own HTTPS endpoint identification: here "localhost", a name that
     * resolves here. A certificate without it is refused, one with it accepted.
     */
    @Test
    void connectingByNameTheJdksHttpsEndpointIdentificationChecksIt() {
        URI byName = URI.create("https://localhost:" + dfs.apiPort());
        DfsTls localhost = new DfsTls(ca.pem(), "localhost");
        DfsApiException e = catchThrowableOfType(DfsApiException.class,
                () -> factory.client(byName, inputs.adminPassword(), localhost).findAdapter("nfs"));
        assertThat(e).as("the served certificate does not name localhost").isNotNull();
        assertThat(e.status()).isEqualTo(DfsApiException.NO_RESPONSE);
        assertThat(e.getMessage()).contains("not valid for");

        dfs.writeFiles(mounted(ca.issue("localhost", Names.apiServiceHost(server))));
        assertThat(factory.client(byName, inputs.adminPassword(), localhost).findAdapter("nfs")).isPresent();
        dfs.writeFiles(mounted(ca.issue(Names.apiServiceHost(server))));
        assertThat(adapterVerifying(trusting(ca))).isPresent();
    }

    @Test
    void aRotatedCertificateIsServedWithoutRestart() {
        long pid = dfs.pid();
        TestCertificates.Ca next = TestCertificates.ca("dittofs-test-ca-2");
        dfs.writeFiles(mounted(next.issue(Names.apiServiceHost(server))));
        var client = factory.client(dfs.apiUri(), inputs.adminPassword(), trusting(next));
        assertThat(client.findAdapter("nfs")).isPresent();
        assertThat(catchThrowableOfType(DfsApiException.class,
                () -> adapterVerifying(trusting(ca))))
                .as("the old CA no longer verifies the new certificate").isNotNull();
        assertThat(dfs.pid()).as("same dfs process").isEqualTo(pid);
        // back to the first certificate for the other tests
        dfs.writeFiles(mounted(ca.issue(Names.apiServiceHost(server))));
        assertThat(adapterVerifying(trusting(ca))).isPresent();
    }

    private java.util.Optional<com.dittofs.operator.dfsclient.Adapter> adapterVerifying(DfsTls tls) {
        return factory.client(dfs.apiUri(), inputs.adminPassword(), tls).findAdapter("nfs");
    }
}
