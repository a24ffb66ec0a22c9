package com.dittofs.operator.dfsclient;

import java.net.URI;

/**
 * Where and how the operator reaches one server's REST API as admin.
 *
 * @param tls how to verify dfs, null for plain HTTP
 */
public record DfsEndpoint(URI uri, String adminPassword, DfsTls tls) {

    @Override
    public String toString() {
        return "DfsEndpoint[" + uri + "]"; // never the password
    }
}
