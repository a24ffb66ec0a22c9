package com.dittofs.operator.reconciler;

import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;

/**
 * The message of a ReconcileError: what went wrong in words, as the API server put it, without stack traces or
 * request dumps (JOSDK's aggregated exception carries both).
 */
final class ErrorMessages {

    private static final int MAX = 1000;

    private ErrorMessages() {
    }

    static String describe(Throwable error) {
        String message = find(error);
        return message.length() <= MAX ? message : message.substring(0, MAX) + "…";
    }

    private static String find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregatedOperatorException aggregated
                    && !aggregated.getAggregatedExceptions().isEmpty()) {
                // sorted: the same failures give the same message, so they raise one Warning event, not one per retry
                return aggregated.getAggregatedExceptions().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + ": " + find(e.getValue()))
                        .collect(Collectors.joining("; "));
            }
            if (t instanceof KubernetesClientException k && k.getStatus() != null
                    && k.getStatus().getMessage() != null && !k.getStatus().getMessage().isBlank()) {
                return k.getStatus().getMessage();
            }
        }
        return firstLine(error == null ? null : error.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unexpected error (see the operator's log)";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
