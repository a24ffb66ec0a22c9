package com.dittofs.operator.dfsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLHandshakeException;

import jakarta.ws.rs.ProcessingException;

import com.dittofs.operator.dataplane.SyncFailure;
import org.junit.jupiter.api.Test;

/** A refused certificate is its own kind of failure, with one sentence saying why, and is not retried at once. */
class TlsFailuresTest {

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(1));

    private static DfsApiException failing(Throwable handshakeCause, AtomicInteger attempts) {
        SSLHandshakeException handshake = new SSLHandshakeException("handshake failed");
        handshake.initCause(handshakeCause);
        return catchThrowableOfType(DfsApiException.class, () -> Calls.withRetry(FAST, true, () -> {
            attempts.incrementAndGet();
            throw new ProcessingException(new RuntimeException(handshake));
        }));
    }

    @Test
    void anUntrustedCaIsTlsRejectedNamingTheCause() {
        AtomicInteger attempts = new AtomicInteger();
        DfsApiException e = failing(new CertificateException(
                "PKIX path building failed: unable to find valid certification path to requested target"), attempts);
        assertThat(e.kind()).isEqualTo(DfsApiException.Kind.TLS_REJECTED);
        assertThat(e.getMessage()).startsWith("TLS handshake failed: The certificate of dfs is not signed by a CA"
                + " the operator trusts for it (PKIX path building failed");
        assertThat(attempts).hasValue(1);
        assertThat(SyncFailure.of(e, true).cause()).isEqualTo(SyncFailure.Cause.TLS_NOT_TRUSTED);
    }

    @Test
    void anotherNameIsSaidAsTheTrustManagerSaysIt() {
        DfsApiException e = failing(new CertificateException(ServerNameTrustManager.NOT_VALID_FOR
                + "a-api.ns.svc (it names b-api.ns.svc)"), new AtomicInteger());
        assertThat(e).hasMessage(
                "TLS handshake failed: The certificate of dfs is not valid for a-api.ns.svc (it names b-api.ns.svc)");
    }

    @Test
    void aServerWithoutTlsIsATlsFailureToo() {
        DfsApiException e = failing(null, new AtomicInteger());
        assertThat(e.kind()).isEqualTo(DfsApiException.Kind.TLS_REJECTED);
        assertThat(e).hasMessage("TLS handshake failed: The TLS handshake with dfs failed: handshake failed");
    }
}
