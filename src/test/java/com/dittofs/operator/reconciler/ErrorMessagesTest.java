package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import org.junit.jupiter.api.Test;

/** A ReconcileError message is the API server's words per failed object: no stack trace, no request dump. */
class ErrorMessagesTest {

    private static KubernetesClientException forbidden(String message) {
        return new KubernetesClientException(new StatusBuilder().withCode(403).withReason("Forbidden")
                .withMessage(message).build());
    }

    @Test
    void aWorkflowFailureNamesEachDependentAndWhatTheApiServerSaid() {
        Map<String, Exception> failures = new LinkedHashMap<>();
        failures.put("api-service", forbidden("services \"x-api\" is forbidden: exceeded quota: no-services"));
        failures.put("file-service", new IllegalStateException("boom\n\tat some.Frame(Frame.java:1)"));
        OperatorException error = new OperatorException(new AggregatedOperatorException(
                "Exception(s) during workflow execution.", failures));

        assertThat(ErrorMessages.describe(error)).isEqualTo("api-service: services \"x-api\" is forbidden: exceeded"
                + " quota: no-services; file-service: boom");
    }

    @Test
    void anythingElseKeepsItsFirstLine() {
        assertThat(ErrorMessages.describe(new RuntimeException("wrapped", forbidden("secrets is forbidden"))))
                .isEqualTo("secrets is forbidden");
        assertThat(ErrorMessages.describe(new IllegalStateException("first\n\tat a.B(B.java:1)"))).isEqualTo("first");
        assertThat(ErrorMessages.describe(new NullPointerException())).contains("operator's log");
        assertThat(ErrorMessages.describe(new RuntimeException("x".repeat(5000)))).hasSizeLessThan(1100);
    }
}
