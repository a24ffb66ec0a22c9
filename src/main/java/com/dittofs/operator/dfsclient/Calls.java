package com.dittofs.operator.dfsclient;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import com.dittofs.operator.metrics.DfsCallMeter;
import org.jboss.logging.Logger;

/** Error translation and the retry loop shared by every call. */
final class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class);

    private Calls() {
    }

    /** Runs one HTTP call, counted by outcome; whatever goes wrong surfaces as a {@link DfsApiException}. */
    static <T> T invoke(Supplier<T> call) {
        try {
            T result = attempt(call);
            DfsCallMeter.record("success");
            return result;
        } catch (DfsApiException e) {
            DfsCallMeter.record(DfsCallMeter.outcome(e.status(), e.kind() == DfsApiException.Kind.HTTP_STATUS
                    ? null : e.kind().name().toLowerCase(java.util.Locale.ROOT)));
            throw e;
        }
    }

    private static <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (DfsApiException e) {
            throw e;
        } catch (WebApplicationException e) {
            // only if a response slipped past ProblemMapper (e.g. a redirect); keep the status
            var status = e.getResponse().getStatusInfo();
            throw DfsApiException.http(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), false);
        } catch (ProcessingException e) {
            throw translate(e);
        }
    }

    private static DfsApiException translate(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DfsApiException api) {
                return api;
            }
            // netty's connect refusals and connect timeouts are ConnectExceptions too
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return DfsApiException.noResponse(DfsApiException.Kind.CONNECT_FAILED, t.getMessage(), e);
            }
            if (isReadTimeout(t)) {
                return DfsApiException.noResponse(DfsApiException.Kind.TIMED_OUT, t.getMessage(), e);
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return DfsApiException.noResponse(DfsApiException.Kind.TLS_REJECTED, TlsFailures.describe(t), e);
            }
        }
        return DfsApiException.noResponse(DfsApiException.Kind.CONNECTION_LOST, e.getMessage(), e);
    }

    /** Vert.x reports the read timeout as a java.util.concurrent.TimeoutException, blocking sockets as their own. */
    static boolean isReadTimeout(Throwable t) {
        return t instanceof TimeoutException || t instanceof SocketTimeoutException;
    }

    /**
     * Retries connect failures always (the request never left), and 502/503/504 only for idempotent calls: a 504
     * from dfs's request timeout may mean the handler still completed, and repeating a create then fails differently.
     * Everything else, in particular every 4xx and every read timeout (a hung dfs would multiply the wait), is
     * returned to the caller at once.
     */
    static <T> T withRetry(RetryPolicy policy, boolean idempotent, Supplier<T> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return invoke(call);
            } catch (DfsApiException e) {
                boolean transientFailure = e.connectFailure() || (idempotent && e.unavailable());
                if (!transientFailure || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                var wait = policy.backoff(attempt + 1);
                LOG.debugf("dfs call failed (%s), attempt %d of %d, retrying in %d ms", e.getMessage(), attempt,
                        policy.maxAttempts(), wait.toMillis());
                sleep(wait.toMillis(), e);
            }
        }
    }

    private static void sleep(long millis, DfsApiException pending) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw pending;
        }
    }
}
