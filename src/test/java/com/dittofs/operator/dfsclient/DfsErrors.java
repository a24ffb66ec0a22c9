package com.dittofs.operator.dfsclient;

/** Client errors as the client raises them, for tests of the code that classifies them. */
public final class DfsErrors {

    private DfsErrors() {
    }

    public static DfsApiException http(int status, String detail) {
        return DfsApiException.http(status, "Status " + status, detail, false);
    }

    /** An error dfs answered as application/problem+json (a 404 of a missing object, not of a wrong route). */
    public static DfsApiException problem(int status, String detail) {
        return DfsApiException.http(status, "Status " + status, detail, true);
    }

    public static DfsApiException noResponse(DfsApiException.Kind kind, String detail) {
        return DfsApiException.noResponse(kind, detail, null);
    }
}
