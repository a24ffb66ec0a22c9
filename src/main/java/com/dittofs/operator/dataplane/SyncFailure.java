package com.dittofs.operator.dataplane;

import com.dittofs.operator.dfsclient.DfsApiException;

/**
 * Why a convergence pass did not bring dfs to the desired state, typed from the client's error, so status and
 * retry decisions never parse messages.
 *
 * @param cause the kind of failure
 * @param message the server's own words (after dfs's HTTP status), or the client's when dfs did not answer
 */
public record SyncFailure(Cause cause, String message) {

    public enum Cause {
        /** No TCP connection to dfs's API. */
        UNREACHABLE,
        /** Connected, but dfs did not answer in time (or dropped the connection). */
        TIMEOUT,
        /** dfs answered with an error status. */
        HTTP_ERROR,
        /** dfs refused the admin login (401): the password is not the one dfs was first started with. */
        LOGIN_REJECTED,
        /** dfs answered, but holds something the operator does not change by itself (e.g. no NFS adapter). */
        CONFLICT,
        /** The operator refused dfs's certificate (not signed by the trusted CA, or not for the -api Service). */
        TLS_NOT_TRUSTED,
        /** dfs answered, but so slowly that the pass reached its overall deadline and stopped. */
        DEADLINE
    }

    /** Classifies a failed call; {@code login} when it was the admin login that failed. */
    public static SyncFailure of(DfsApiException e, boolean login) {
        Cause cause = switch (e.kind()) {
            case CONNECT_FAILED -> Cause.UNREACHABLE;
            case TIMED_OUT, CONNECTION_LOST -> Cause.TIMEOUT;
            case HTTP_STATUS -> login && e.status() == 401 ? Cause.LOGIN_REJECTED : Cause.HTTP_ERROR;
            case TLS_REJECTED -> Cause.TLS_NOT_TRUSTED;
            case DEADLINE_EXCEEDED -> Cause.DEADLINE;
        };
        return new SyncFailure(cause, e.getMessage());
    }

    public static SyncFailure conflict(String message) {
        return new SyncFailure(Cause.CONFLICT, message);
    }
}
