package com.dittofs.operator.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

class ServerCertificatesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final CertificateLifetimes LIFETIMES = new CertificateLifetimes(Duration.ofDays(90),
            Duration.ofDays(3650));

    private final DittoServer server = Fixtures.basic();
    private final NamespaceCa.Ca ca = NamespaceCa.next("default", null, LIFETIMES, NOW);

    private static Secret secret(Map<String, String> data) {
        return new SecretBuilder().withNewMetadata().withName("x").endMetadata().withData(data).build();
    }

    private static X509Certificate leaf(Map<String, String> data) throws Exception {
        return X509.certificates(NamespaceCa.decode(data.get(Names.TLS_CERT_KEY))).get(0);
    }

    @Test
    void namesTheApiServiceInEveryFormAndThePodsStableName() {
        String ns = server.getMetadata().getNamespace();
        assertThat(ServerCertificates.dnsNames(server)).containsExactly("my-dittofs-api." + ns + ".svc",
                "my-dittofs-api", "my-dittofs-api." + ns, "my-dittofs-api." + ns + ".svc.cluster.local",
                "my-dittofs-0.my-dittofs-headless." + ns + ".svc",
                "my-dittofs-0.my-dittofs-headless." + ns + ".svc.cluster.local");
    }

    @Test
    void issuesAServerCertificateSignedByTheCaWithItsBundleAndAPkcs8Key() throws Exception {
        List<String> names = ServerCertificates.dnsNames(server);
        Map<String, String> data = ServerCertificates.issue(ca, names, LIFETIMES, NOW);
        X509Certificate leaf = leaf(data);
        leaf.verify(ca.issued().certificate().getPublicKey());
        assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(NamespaceCa.decode(data.get(Names.TLS_PRIVATE_KEY))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(NamespaceCa.decode(data.get(Names.TLS_CA_KEY))).isEqualTo(ca.bundlePem());
        assertThat(ServerCertificates.current(secret(data), names, NOW)).isTrue();
    }

    @Test
    void isRenewedOnceLessThanAThirdOfItsLifetimeIsLeft() {
        List<String> names = ServerCertificates.dnsNames(server);
        Secret secret = secret(ServerCertificates.issue(ca, names, LIFETIMES, NOW));
        // 90 days, backdated 5 minutes: due 30 days and 100 seconds (a third of the 5 minutes) before the end
        Instant due = ServerCertificates.renewalTime(secret).orElseThrow();
        assertThat(due).isEqualTo(NOW.plus(Duration.ofDays(60)).minus(X509.BACKDATE.dividedBy(3)));
        assertThat(ServerCertificates.current(secret, names, due.minusSeconds(1))).isTrue();
        assertThat(ServerCertificates.current(secret, names, due)).isFalse();
    }

    @Test
    void isReplacedWhenItNamesOtherHostsOrAnotherCaSignedItOrItIsIncomplete() {
        List<String> names = ServerCertificates.dnsNames(server);
        Map<String, String> data = ServerCertificates.issue(ca, names, LIFETIMES, NOW);
        assertThat(ServerCertificates.current(secret(data), List.of("other-api.default.svc"), NOW)).isFalse();

        NamespaceCa.Ca stranger = NamespaceCa.next("default", null, LIFETIMES, NOW);
        Map<String, String> foreign = new java.util.TreeMap<>(data);
        foreign.put(Names.TLS_CA_KEY, NamespaceCa.encode(X509.pem(stranger.issued().certificate())));
        assertThat(ServerCertificates.current(secret(foreign), names, NOW)).isFalse();

        Map<String, String> keyless = new java.util.TreeMap<>(data);
        keyless.remove(Names.TLS_PRIVATE_KEY);
        assertThat(ServerCertificates.current(secret(keyless), names, NOW)).isFalse();
        assertThat(ServerCertificates.current(null, names, NOW)).isFalse();
        Map<String, String> garbage = new java.util.TreeMap<>(data);
        garbage.put(Names.TLS_CERT_KEY, NamespaceCa.encode("not a certificate"));
        assertThat(ServerCertificates.current(secret(garbage), names, NOW)).isFalse();
    }

    @Test
    void aShortLivedCertificateIsBackdatedATenthOfItsLifetimeAndNotDueAtOnce() throws Exception {
        CertificateLifetimes seconds = new CertificateLifetimes(Duration.ofSeconds(90), Duration.ofDays(1));
        Map<String, String> data = ServerCertificates.issue(ca, ServerCertificates.dnsNames(server), seconds, NOW);
        assertThat(leaf(data).getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(9));
        assertThat(ServerCertificates.renewalTime(secret(data))).contains(NOW.plusSeconds(57));
    }

    @Test
    void neverOutlivesItsCa() throws Exception {
        NamespaceCa.Ca shortCa = NamespaceCa.next("default", null,
                new CertificateLifetimes(Duration.ofDays(90), Duration.ofDays(30)), NOW);
        X509Certificate leaf = leaf(ServerCertificates.issue(shortCa, ServerCertificates.dnsNames(server), LIFETIMES,
                NOW));
        assertThat(leaf.getNotAfter()).isEqualTo(shortCa.issued().certificate().getNotAfter());
    }

    @Test
    void aRenewedCaKeepsThePreviousOneInItsBundleSoThatOldCertificatesStillVerify() throws Exception {
        assertThat(NamespaceCa.due(ca, LIFETIMES, NOW)).isFalse();
        Instant late = NOW.plus(Duration.ofDays(2500));
        assertThat(NamespaceCa.due(ca, LIFETIMES, late)).as("less than a third of 10 years left").isTrue();
        assertThat(NamespaceCa.due(ca, new CertificateLifetimes(Duration.ofDays(3651), Duration.ofDays(3650)), NOW))
                .as("would expire before a certificate issued now").isTrue();
        NamespaceCa.Ca renewed = NamespaceCa.next("default", ca, LIFETIMES, late);
        List<X509Certificate> bundle = X509.certificates(renewed.bundlePem());
        assertThat(bundle).containsExactly(renewed.issued().certificate(), ca.issued().certificate());
        NamespaceCa.Ca afterExpiry = NamespaceCa.next("default", ca, LIFETIMES, NOW.plus(Duration.ofDays(4000)));
        assertThat(X509.certificates(afterExpiry.bundlePem())).as("an expired CA is dropped").hasSize(1);
    }

    @Test
    void readsBackTheCaItWrote() throws Exception {
        Secret secret = secret(Map.of(NamespaceCa.CERT, NamespaceCa.encode(X509.pem(ca.issued().certificate())),
                NamespaceCa.KEY, NamespaceCa.encode(X509.pem(ca.issued().key())),
                NamespaceCa.BUNDLE, NamespaceCa.encode(ca.bundlePem())));
        NamespaceCa.Ca read = NamespaceCa.read(secret);
        assertThat(read.issued().certificate()).isEqualTo(ca.issued().certificate());
        assertThat(((java.security.interfaces.ECPrivateKey) read.issued().key()).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) ca.issued().key()).getS());
        assertThat(NamespaceCa.read(secret(Map.of(NamespaceCa.CERT, NamespaceCa.encode("junk"),
                NamespaceCa.KEY, NamespaceCa.encode("junk"))))).as("unusable: replaced").isNull();
    }
}
