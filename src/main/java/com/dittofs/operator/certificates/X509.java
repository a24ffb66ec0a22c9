package com.dittofs.operator.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Building and reading the operator's X.509 material with BouncyCastle's builders over the JDK's own providers
 * (ECDSA P-256, SHA-256): no hand-written ASN.1, and no BC security provider to register.
 */
public final class X509 {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Certificates start this much in the past (a tenth of their lifetime at most, so that a short one is not due
     * for renewal at once): clocks of the operator and dfs's node may differ a little.
     */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private X509() {
    }

    /** A self-signed CA certificate valid for {@code lifetime} from {@code now}. */
    public static Issued ca(String commonName, Instant now, Duration lifetime) {
        try {
            KeyPair keys = keyPair();
            X500Name subject = new X500Name("CN=" + commonName);
            X509v3CertificateBuilder builder = builder(subject, subject, keys, now, now.plus(lifetime));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create a CA certificate: " + e.getMessage(), e);
        }
    }

    /** A TLS server certificate for {@code dnsNames}, signed by {@code ca}, ending at {@code notAfter}. */
    public static Issued server(Issued ca, List<String> dnsNames, Instant now, Instant notAfter) {
        try {
            KeyPair keys = keyPair();
            X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
            X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + dnsNames.get(0)), keys, now,
                    notAfter);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                    .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            return new Issued(sign(builder, ca.key()), keys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a server certificate: " + e.getMessage(), e);
        }
    }

    /** A TLS client certificate (extended key usage clientAuth) for {@code commonName}, signed by {@code ca}. */
    public static Issued client(Issued ca, String commonName, Instant now, Instant notAfter) {
        try {
            KeyPair keys = keyPair();
            X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
            X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + commonName), keys, now, notAfter);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            return new Issued(sign(builder, ca.key()), keys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a client certificate: " + e.getMessage(), e);
        }
    }

    /** Every certificate of a PEM bundle, in order. */
    public static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                .map(X509Certificate.class::cast).toList();
    }

    /** The private key of a PEM "PRIVATE KEY" (PKCS#8) block. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (!(object instanceof PrivateKeyInfo info)) {
                throw new GeneralSecurityException("no PKCS#8 private key in the PEM text");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    public static String pem(X509Certificate certificate) {
        return write(certificate);
    }

    /**
     * PKCS#8 ("PRIVATE KEY"), which dfs (Go's tls.X509KeyPair) reads. An EC key carries its public key too, as
     * OpenSSL writes it: the JDK leaves the optional field out, and GnuTLS (OpenLDAP's slapd, gnutls-cli) then
     * refuses the key with "ASN1 parser: Element was not found".
     */
    public static String pem(PrivateKey key) {
        PrivateKeyInfo info = key instanceof ECPrivateKey ec ? withPublicKey(ec)
                : PrivateKeyInfo.getInstance(key.getEncoded());
        try {
            return write(new PemObject("PRIVATE KEY", info.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKeyInfo withPublicKey(ECPrivateKey key) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        X9ECParameters curve = ECNamedCurveTable.getByOID(
                ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters()));
        byte[] point = new FixedPointCombMultiplier().multiply(curve.getG(), key.getS()).getEncoded(false);
        try {
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), new org.bouncycastle.asn1.sec.ECPrivateKey(
                    curve.getN().bitLength(), key.getS(), new DERBitString(point), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Instant now,
            Instant notAfter) {
        Duration backdate = Duration.between(now, notAfter).dividedBy(10);
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(backdate.compareTo(BACKDATE) < 0 ? backdate : BACKDATE)), Date.from(notAfter),
                subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** A certificate and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }
}
