package com.dittofs.operator.dfsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

class CallsTest {

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(1));

    private static DfsApiException failing(RuntimeException cause, boolean idempotent, AtomicInteger attempts) {
        return catchThrowableOfType(DfsApiException.class, () -> Calls.withRetry(FAST, idempotent, () -> {
            attempts.incrementAndGet();
            throw cause;
        }));
    }

    @Test
    void aRefusedConnectionIsAConnectFailureAndRetried() {
        AtomicInteger attempts = new AtomicInteger();
        DfsApiException e = failing(new ProcessingException(new ConnectException("Connection refused")), false,
                attempts);
        assertThat(e.kind()).isEqualTo(DfsApiException.Kind.CONNECT_FAILED);
        assertThat(e.getMessage()).startsWith("Connection failed");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aReadTimeoutIsATimeoutAndNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();
        DfsApiException e = failing(new ProcessingException(new RuntimeException(
                new TimeoutException("The timeout period of 10000ms has been exceeded"))), true, attempts);
        assertThat(e.kind()).isEqualTo(DfsApiException.Kind.TIMED_OUT);
        assertThat(e.status()).isEqualTo(DfsApiException.NO_RESPONSE);
        assertThat(attempts).as("a retried timeout multiplies the wait on a hung dfs").hasValue(1);
    }

    @Test
    void aBrokenConnectionIsNeitherAConnectFailureNorATimeout() {
        AtomicInteger attempts = new AtomicInteger();
        DfsApiException e = failing(new ProcessingException("Connection was closed"), true, attempts);
        assertThat(e.kind()).isEqualTo(DfsApiException.Kind.CONNECTION_LOST);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anInternalServerErrorIsAnHttpStatusAndNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        DfsApiException e = failing(DfsApiException.http(500, "Internal Server Error", "boom", false), true,
                attempts);
        assertThat(e.kind()).isEqualTo(DfsApiException.Kind.HTTP_STATUS);
        assertThat(e.status()).isEqualTo(500);
        assertThat(attempts).hasValue(1);
    }
}
