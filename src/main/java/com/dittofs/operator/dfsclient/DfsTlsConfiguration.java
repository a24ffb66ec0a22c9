package com.dittofs.operator.dfsclient;

import java.util.Optional;

import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.net.TrustOptions;

/**
 * The REST client's TLS for one dfs server: trust decided by {@link ServerNameTrustManager}, which also checks the
 * server name. The client's own host check is off because it would compare with the address connected to (a pod IP
 * outside the cluster), which the certificate does not name; the trust manager checks the Service name instead.
 */
final class DfsTlsConfiguration extends BaseTlsConfiguration {

    private final ServerNameTrustManager trustManager;

    DfsTlsConfiguration(DfsTls tls) {
        this.trustManager = tls.trustManager();
    }

    @Override
    public TrustOptions getTrustStoreOptions() {
        return TrustOptions.wrap(trustManager);
    }

    @Override
    public Optional<String> getHostnameVerificationAlgorithm() {
        return Optional.of("NONE");
    }

    @Override
    public boolean isTrustAll() {
        return false;
    }
}
