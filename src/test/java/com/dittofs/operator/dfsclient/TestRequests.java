package com.dittofs.operator.dfsclient;

/** Request bodies only tests send, built from the records the operator sends whole. */
public final class TestRequests {

    private TestRequests() {
    }

    public static AdapterUpdate enabled(boolean enabled) {
        return new AdapterUpdate(enabled, null, null);
    }

    public static ShareCreate share(String name, String metadataStore, String localBlockStore) {
        return new ShareCreate(name, metadataStore, localBlockStore, null, null, null, null);
    }

    public static ShareUpdate quota(String quotaBytes) {
        return new ShareUpdate(null, null, null, null, quotaBytes);
    }

    public static NfsExportConfig squash(String squash) {
        return new NfsExportConfig(squash, null, null, null, null, null, null);
    }
}
