package com.dittofs.operator.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.dittofs.operator.testing.RecordingRelay;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plain HTTP/1.1 requests a {@link RecordingRelay} saw, as dfs received them: what the client did, read at dfs's
 * side rather than from counters inside the client.
 */
record HttpRequests(List<Request> all) {

    record Request(String method, String path, String body) {

        JsonNode json() {
            return new Http.Response(0, "application/json", body).json();
        }
    }

    static HttpRequests of(RecordingRelay relay) {
        List<Request> requests = new ArrayList<>();
        relay.sentPerConnection().forEach(bytes -> parse(new String(bytes, StandardCharsets.ISO_8859_1), requests));
        return new HttpRequests(List.copyOf(requests));
    }

    /** The logins as {@code username} (the body of POST /api/v1/auth/login names the account). */
    long logins(String username) {
        return all.stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/auth/login"))
                .filter(r -> username.equals(r.json().path("username").asText()))
                .count();
    }

    long refreshes() {
        return all.stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/auth/refresh")).count();
    }

    private static void parse(String stream, List<Request> into) {
        int at = 0;
        while (at < stream.length()) {
            int headEnd = stream.indexOf("\r\n\r\n", at);
            if (headEnd < 0) {
                return; // a request still being sent
            }
            String[] head = stream.substring(at, headEnd).split("\r\n");
            String[] requestLine = head[0].split(" ");
            int length = 0;
            for (int i = 1; i < head.length; i++) {
                String header = head[i].toLowerCase(Locale.ROOT);
                if (header.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                } else if (header.startsWith("transfer-encoding:")) {
                    throw new IllegalStateException("chunked request bodies are not parsed here: " + head[0]);
                }
            }
            int bodyEnd = headEnd + 4 + length;
            if (bodyEnd > stream.length()) {
                return;
            }
            into.add(new Request(requestLine[0], requestLine[1], stream.substring(headEnd + 4, bodyEnd)));
            at = bodyEnd;
        }
    }
}
