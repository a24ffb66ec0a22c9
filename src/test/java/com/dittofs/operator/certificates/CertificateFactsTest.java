package com.dittofs.operator.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.naming.Names;
import org.junit.jupiter.api.Test;

class CertificateFactsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final CertificateLifetimes LIFETIMES = new CertificateLifetimes(Duration.ofDays(90),
            Duration.ofDays(3650));
    private static final List<String> NAMES = List.of("a-api.ns.svc", "a-api");

    private final NamespaceCa.Ca ca = NamespaceCa.next("ns", null, LIFETIMES, NOW);
    private final Map<String, String> data = ServerCertificates.issue(ca, NAMES, LIFETIMES, NOW);

    @Test
    void readsTheNamesTheRenewalTimeAndTheSignatureOfTheBundle() {
        CertificateFacts facts = CertificateFacts.of(data.get(Names.TLS_CERT_KEY), data.get(Names.TLS_CA_KEY))
                .orElseThrow();
        assertThat(facts.dnsNames()).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(facts.renewalTime()).isEqualTo(NOW.plus(Duration.ofDays(60)).minus(X509.BACKDATE.dividedBy(3)));
        assertThat(facts.signedByBundle()).isTrue();
    }

    @Test
    void isReadOncePerContentAndAgainForOtherContent() {
        String certificate = data.get(Names.TLS_CERT_KEY);
        var first = CertificateFacts.of(certificate, data.get(Names.TLS_CA_KEY));
        // an equal text in another String, as a new version of the cached Secret brings it
        assertThat(CertificateFacts.of(new String(certificate), data.get(Names.TLS_CA_KEY))).isSameAs(first);

        NamespaceCa.Ca stranger = NamespaceCa.next("ns", null, LIFETIMES, NOW);
        String foreignBundle = NamespaceCa.encode(X509.pem(stranger.issued().certificate()));
        assertThat(CertificateFacts.of(certificate, foreignBundle).orElseThrow().signedByBundle()).isFalse();
        assertThat(CertificateFacts.of(certificate, null).orElseThrow().signedByBundle()).isFalse();
    }

    @Test
    void ofACertificateJustIssuedAreThoseReadFromIt() {
        List<String> names = List.of("b-api.ns.svc");
        Map<String, String> issued = ServerCertificates.issue(ca, names, LIFETIMES, NOW);
        String certificate = issued.get(Names.TLS_CERT_KEY);
        String bundle = issued.get(Names.TLS_CA_KEY);
        assertThat(CertificateFacts.of(new String(certificate), new String(bundle)))
                .isEqualTo(CertificateFacts.read(certificate, bundle))
                .get().extracting(CertificateFacts::signedByBundle).isEqualTo(true);
    }

    @Test
    void isEmptyForAnUnreadableCertificate() {
        assertThat(CertificateFacts.of(NamespaceCa.encode("not a certificate"), data.get(Names.TLS_CA_KEY)))
                .isEmpty();
        assertThat(CertificateFacts.of("%%% not base64", null)).isEmpty();
    }
}
