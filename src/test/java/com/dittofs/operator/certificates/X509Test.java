package com.dittofs.operator.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;

class X509Test {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** GnuTLS (slapd) refuses an EC key without its public key; the JDK's own encoding leaves it out. */
    @Test
    void anEcKeyIsWrittenAsPkcs8WithThePublicKeyOfItsCertificate() throws Exception {
        X509.Issued ca = X509.ca("ca", NOW, Duration.ofDays(1));
        X509.Issued server = X509.server(ca, List.of("localhost"), NOW, NOW.plus(Duration.ofHours(1)));
        String pem = X509.pem(server.key());

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        PrivateKeyInfo info;
        try (PEMParser parser = new PEMParser(new java.io.StringReader(pem))) {
            info = (PrivateKeyInfo) parser.readObject();
        }
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPublicKey certified = (ECPublicKey) server.certificate().getPublicKey();
        byte[] point = inner.getPublicKey().getBytes();
        assertThat(point).hasSize(65);
        assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 33)))
                .isEqualTo(certified.getW().getAffineX());
        assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(point, 33, 65)))
                .isEqualTo(certified.getW().getAffineY());
        assertThat(((java.security.interfaces.ECPrivateKey) X509.privateKey(pem)).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) server.key()).getS());
    }
}
