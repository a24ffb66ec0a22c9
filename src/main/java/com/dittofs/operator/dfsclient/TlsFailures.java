package com.dittofs.operator.dfsclient;

import java.security.cert.CertificateException;

/** One sentence for a failed TLS handshake with dfs, from the exception chain (never a stack trace). */
final class TlsFailures {

    private TlsFailures() {
    }

    static String describe(Throwable handshake) {
        for (Throwable t = handshake; t != null; t = t.getCause()) {
            if (t instanceof CertificateException && t.getMessage() != null
                    && t.getMessage().startsWith(ServerNameTrustManager.NOT_VALID_FOR)) {
                return t.getMessage();
            }
            // the JDK's HTTPS endpoint identification: "No subject alternative DNS name matching x found."
            if (t instanceof CertificateException && t.getMessage() != null
                    && t.getMessage().startsWith("No subject alternative")) {
                return ServerNameTrustManager.NOT_VALID_FOR + "the name the operator connects to (" + t.getMessage()
                        + ")";
            }
            // sun.security.validator.ValidatorException, a CertificateException: PKIX found no path to a trusted CA
            if (t instanceof CertificateException) {
                return "The certificate of dfs is not signed by a CA the operator trusts for it (" + t.getMessage()
                        + ")";
            }
        }
        return "The TLS handshake with dfs failed: " + handshake.getMessage();
    }
}
