package com.dittofs.operator.dfsclient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import com.dittofs.operator.certificates.X509;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
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
 * @param clientCertificatePem the client certificate the operator presents (mutual TLS), or null
 * @param clientKeyPem its private key, or null
 */
public record DfsTls(String caPem, String serverName, String clientCertificatePem, String clientKeyPem) {

    /** Without a client certificate. */
    public DfsTls(String caPem, String serverName) {
        this(caPem, serverName, null, null);
    }

    /** The same, presenting this client certificate. */
    public DfsTls withClientCertificate(String certificatePem, String keyPem) {
        return new DfsTls(caPem, serverName, certificatePem, keyPem);
    }

    @Override
    public String toString() {
        return "DfsTls[" + serverName + (clientCertificatePem == null ? "" : ", client certificate") + "]";
    }

    /** The key manager presenting the client certificate, or null without one. */
    public X509KeyManager keyManager() {
        if (clientCertificatePem == null) {
            return null;
        }
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", X509.privateKey(clientKeyPem), password,
                    X509.certificates(clientCertificatePem).toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            for (var manager : factory.getKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM offers no X.509 key manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new UnusableCaException("The client certificate the operator presents to " + serverName
                    + " cannot be used (" + e.getMessage() + ")", e);
        }
    }

    /** The CA bundle holds no usable certificate: no connection is attempted. */
    public static final class UnusableCaException extends IllegalArgumentException {
        public UnusableCaException(String message, Throwable cause) {
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
