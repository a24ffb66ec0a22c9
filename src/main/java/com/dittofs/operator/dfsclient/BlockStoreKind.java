package com.dittofs.operator.dfsclient;

/** The two block store collections; names are unique only within one kind. */
public enum BlockStoreKind {
    LOCAL("local"),
    REMOTE("remote");

    private final String path;

    BlockStoreKind(String path) {
        this.path = path;
    }

    /** The path segment under /api/v1/store/block. */
    public String path() {
        return path;
    }
}
