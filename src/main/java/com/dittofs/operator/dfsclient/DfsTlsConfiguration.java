package com.dittofs.operator.dfsclient;

import java.net.URI;
import java.util.Optional;

import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The REST client's TLS for one dfs server. Connecting to the name the certificate must carry (the -api Service, as
 * the operator does in the cluster): the JDK's PKIX trust manager for the chain and its standard HTTPS endpoint
 * identification for the name, nothing of ours. Connecting to a pod IP (the operator outside the cluster,
 * {@code api-access=pod-ip}): the certificate names the Service, not the IP, and the MicroProfile REST client offers
 * no way to connect to one address while verifying another name (Vert.x's per-request server address and the SSL
 * engine's SNI names are out of its reach), so {@link ServerNameTrustManager} checks the Service name and the
 * client's own host check, which would compare with the IP, is off.
 */
final class DfsTlsConfiguration extends BaseTlsConfiguration {

    /** The JDK's endpoint identification algorithm for HTTPS (RFC 2818 / RFC 6125 host names). */
    static final String HTTPS = "HTTPS";
    private final X509TrustManager trustManager;
    private final boolean byName;
    private final X509KeyManager keyManager;

    DfsTlsConfiguration(DfsTls tls, URI baseUri) {
        this.byName = tls.connectsByName(baseUri);
        this.trustManager = byName ? tls.pkix() : tls.trustManager();
        this.keyManager = tls.keyManager();
    }

    /** The operator's client certificate, when dfs requires one (mutual TLS). */
    @Override
    public KeyCertOptions getKeyStoreOptions() {
        return keyManager == null ? null : KeyCertOptions.wrap(keyManager);
    }

    @Override
    public TrustOptions getTrustStoreOptions() {
        return TrustOptions.wrap(trustManager);
    }

    @Override
    public Optional<String> getHostnameVerificationAlgorithm() {
        return Optional.of(byName ? HTTPS : "NONE");
    }

    @Override
    public boolean isTrustAll() {
        return false;
    }
}
