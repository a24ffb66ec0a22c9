package com.dittofs.operator.dfsclient;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies a server's chain with the PKIX trust manager of the trusted CAs, then its identity against a fixed DNS
 * name rather than the host connected to. Used only where the operator reaches dfs on its pod IP
 * ({@code api-access=pod-ip}, the operator outside the cluster), which the certificate does not name: connecting by
 * the -api Service's name, the JDK's own HTTPS endpoint identification does this check (see DfsTlsConfiguration).
 * Only dNSName subject alternative names count (as for HTTPS since RFC 2818), with a wildcard allowed in the leftmost
 * label.
 */
public final class ServerNameTrustManager extends X509ExtendedTrustManager {

    static final String NOT_VALID_FOR = "The certificate of dfs is not valid for ";
    private static final int DNS_NAME = 2;
    private final X509TrustManager chain;
    private final String serverName;

    ServerNameTrustManager(X509TrustManager chain, String serverName) {
        this.chain = chain;
        this.serverName = serverName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkServerTrusted(certificates, authType);
        checkName(certificates[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    private void checkName(X509Certificate certificate) throws CertificateException {
        List<String> names = dnsNames(certificate);
        if (names.stream().noneMatch(this::matches)) {
            throw new CertificateException(NOT_VALID_FOR + serverName + " (it names "
                    + (names.isEmpty() ? "no DNS name" : String.join(", ", names)) + ")");
        }
    }

    private static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives == null) {
            return List.of();
        }
        return alternatives.stream()
                .filter(san -> san.size() == 2 && Integer.valueOf(DNS_NAME).equals(san.get(0)))
                .map(san -> san.get(1).toString())
                .toList();
    }

    boolean matches(String name) {
        String pattern = name.toLowerCase(Locale.ROOT);
        if (!pattern.startsWith("*.")) {
            return pattern.equals(serverName);
        }
        int dot = serverName.indexOf('.');
        return dot > 0 && serverName.substring(dot).equals(pattern.substring(1));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        throw new CertificateException("the operator's dfs client verifies servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(certificates, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }
}
