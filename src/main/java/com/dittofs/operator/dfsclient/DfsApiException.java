package com.dittofs.operator.dfsclient;

/**
 * A failed call to the dfs REST API. dfs answers handler errors as RFC 7807 problem+json, but its auth middleware and
 * router answer in plain text, so {@link #problem()} tells which kind of body carried the detail.
 */
public class DfsApiException extends RuntimeException {

    /** Status used when no HTTP response arrived at all. */
    public static final int NO_RESPONSE = 0;

    /** What went wrong, as far as the client can tell: the basis of every retry and status decision. */
    public enum Kind {
        /** dfs answered with an error status. */
        HTTP_STATUS,
        /** The TCP connection was never established (refused, no route, connect timeout, unknown host). */
        CONNECT_FAILED,
        /** Connected, but no answer within the read timeout: dfs is hung or overloaded. */
        TIMED_OUT,
        /** Connected, then the connection broke without a complete answer. */
        CONNECTION_LOST,
        /** The TLS handshake failed: the client refused dfs's certificate (CA or name), or dfs spoke no TLS. */
        TLS_REJECTED,
        /** Not sent: the sync pass it belonged to had used up its time (dataplane.SyncDeadline). */
        DEADLINE_EXCEEDED
    }

    private final Kind kind;
    private final int status;
    private final boolean problem;

    DfsApiException(Kind kind, int status, String title, String detail, boolean problem, Throwable cause) {
        super(message(status, title, detail), cause);
        this.kind = kind;
        this.status = status;
        this.problem = problem;
    }

    static DfsApiException http(int status, String title, String detail, boolean problem) {
        return new DfsApiException(Kind.HTTP_STATUS, status, title, detail, problem, null);
    }

    static DfsApiException noResponse(Kind kind, String detail, Throwable cause) {
        String title = switch (kind) {
            case CONNECT_FAILED -> "Connection failed";
            case TIMED_OUT -> "Timed out";
            case TLS_REJECTED -> "TLS handshake failed";
            default -> "No response";
        };
        return new DfsApiException(kind, NO_RESPONSE, title, detail, false, cause);
    }

    /** A call not sent because its sync pass ran out of time. */
    public static DfsApiException deadlineExceeded(String detail) {
        return new DfsApiException(Kind.DEADLINE_EXCEEDED, NO_RESPONSE, "Sync deadline exceeded", detail, false, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** Whether the body was problem+json, i.e. a handler decided (as opposed to the router or auth middleware). */
    public boolean problem() {
        return problem;
    }

    /** The TCP connection was never established, so the request certainly did not reach dfs. */
    public boolean connectFailure() {
        return kind == Kind.CONNECT_FAILED;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** A gateway or availability error: dfs may succeed if asked again. */
    public boolean unavailable() {
        return status == 502 || status == 503 || status == 504;
    }

    private static String message(int status, String title, String detail) {
        String head = status == NO_RESPONSE ? title : "HTTP " + status + " " + title;
        return detail == null || detail.isBlank() ? head : head + ": " + detail;
    }
}
