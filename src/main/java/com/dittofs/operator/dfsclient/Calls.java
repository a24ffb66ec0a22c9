package com.dittofs.operator.dfsclient;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

/** Error translation and the retry loop shared by every call. */
final class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class);

    private Calls() {
    }

    /** Runs one HTTP call; whatever goes wrong surfaces as a {@link DfsApiException}. */
    static <T> T invoke(Supplier<T> call) {
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
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return DfsApiException.noResponse(t.getMessage(), true, e);
            }
        }
        return DfsApiException.noResponse(e.getMessage(), false, e);
    }

    /**
     * Retries connect failures always (the request never left), and 502/503/504 only for idempotent calls: a 504
     * from dfs's request timeout may mean the handler still completed, and repeating a create then fails differently.
     * Everything else, in particular every 4xx, is returned to the caller at once.
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
