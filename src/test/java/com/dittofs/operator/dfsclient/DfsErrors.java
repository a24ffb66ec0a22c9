package com.dittofs.operator.dfsclient;

/** Client errors as the client raises them, for tests of the code that classifies them. */
public final class DfsErrors {

    private DfsErrors() {
    }

    public static DfsApiException http(int status, String detail) {
        return DfsApiException.http(status, "Status " + status, detail, false);
    }

    public static DfsApiException noResponse(DfsApiException.Kind kind, String detail) {
        return DfsApiException.noResponse(kind, detail, null);
    }
}
