package com.dittofs.operator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The apiserver's audit log of the shared control plane: what the operator wrote. The one rule of the tests that prove
 * a reconcile finding nothing to do sends no write request: every write verb on every resource counts, Events
 * included (the operator records events on transitions only, so a steady reconcile raises none); the leader-election
 * lease lives in the operator's own namespace and is therefore never in a test namespace.
 */
final class AuditLog {

    private static final List<String> WRITES = List.of("create", "update", "patch", "delete", "deletecollection");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLog() {
    }

    /** Write requests of the operator in {@code namespace} since {@code mark}, as "verb resource/name". */
    static List<String> operatorWritesSince(String namespace, Instant mark) {
        try {
            return Files.readAllLines(ControlPlane.get().auditLog()).stream()
                    .map(AuditLog::parse)
                    .filter(e -> e != null && OperatorUnderTest.OPERATOR_USER.equals(e.path("user")
                            .path("username").asText()))
                    .filter(e -> WRITES.contains(e.path("verb").asText()))
                    .filter(e -> namespace.equals(e.path("objectRef").path("namespace").asText()))
                    .filter(e -> !Instant.parse(e.path("requestReceivedTimestamp").asText()).isBefore(mark))
                    .map(e -> e.path("verb").asText() + " " + e.path("objectRef").path("resource").asText() + "/"
                            + e.path("objectRef").path("name").asText())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null; // a line the apiserver is still writing
        }
    }
}
