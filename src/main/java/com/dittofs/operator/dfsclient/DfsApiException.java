package com.dittofs.operator.dfsclient;

/**
 * A failed call to the dfs REST API. dfs answers handler errors as RFC 7807 problem+json, but its auth middleware and
 * router answer in plain text, so {@link #problem()} tells which kind of body carried the detail.
 */
public class DfsApiException extends RuntimeException {

    /** Status used when no HTTP response arrived at all. */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final String title;
    private final String detail;
    private final boolean problem;
    private final boolean connectFailure;

    DfsApiException(int status, String title, String detail, boolean problem, boolean connectFailure,
            Throwable cause) {
        super(message(status, title, detail), cause);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.problem = problem;
        this.connectFailure = connectFailure;
    }

    static DfsApiException http(int status, String title, String detail, boolean problem) {
        return new DfsApiException(status, title, detail, problem, false, null);
    }

    static DfsApiException noResponse(String detail, boolean connectFailure, Throwable cause) {
        return new DfsApiException(NO_RESPONSE, connectFailure ? "Connection failed" : "No response", detail, false,
                connectFailure, cause);
    }

    /** HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Whether the body was problem+json, i.e. a handler decided (as opposed to the router or auth middleware). */
    public boolean problem() {
        return problem;
    }

    /** The TCP connection was never established, so the request certainly did not reach dfs. */
    public boolean connectFailure() {
        return connectFailure;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean conflict() {
        return status == 409;
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
