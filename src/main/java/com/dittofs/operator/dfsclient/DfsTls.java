package com.dittofs.operator.dfsclient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How the operator verifies a dfs REST API that serves HTTPS: the certificate chain against {@code caPem} (the
 * certificate Secret's ca.crt, or the operator's CA bundle; the JVM's public CAs when both are absent), and the
 * server certificate against {@code serverName}, the -api Service's DNS name, wherever the operator connects to.
 * In the cluster it connects to that name, and the JDK's HTTPS endpoint identification checks it; only on a pod IP
 * (outside the cluster) does {@link ServerNameTrustManager} check the name instead. Never trust-all.
 *
 * @param caPem PEM bundle of trusted CA certificates, or null for the JVM's default trust store
 * @param serverName the DNS name the server certificate must carry
 */
public record DfsTls(String caPem, String serverName) {

    /** The CA bundle holds no usable certificate: no connection is attempted. */
    public static final class UnusableCaException extends IllegalArgumentException {
        UnusableCaException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Whether the operator connects to the name the certificate must carry: then the JDK's own HTTPS endpoint
     * identification checks the name, and {@link #pkix()} alone checks the chain.
     */
    public boolean connectsByName(java.net.URI baseUri) {
        return serverName.equalsIgnoreCase(baseUri.getHost());
    }

    /** A trust manager doing both checks; fails early on a CA bundle without a certificate. */
    public ServerNameTrustManager trustManager() {
        return new ServerNameTrustManager(pkix(), serverName);
    }

    /** The JDK's PKIX trust manager of the CA bundle (the chain only); fails early on a bundle without a certificate. */
    public X509TrustManager pkix() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(caPem == null ? null : trustStore(caPem));
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new UnusableCaException("The CA certificate to verify " + serverName + " with cannot be used ("
                    + e.getMessage() + "): fix ca.crt in the certificate Secret", e);
        }
    }

    private static KeyStore trustStore(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no PEM certificate in it");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }
}
