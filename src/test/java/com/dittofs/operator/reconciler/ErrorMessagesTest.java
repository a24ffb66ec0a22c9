package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import org.junit.jupiter.api.Test;

/** Reconcile exceptions become one or two sentences; the stack never reaches a condition. */
class ErrorMessagesTest {

    private static final String STACK = "\n\tat io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead("
            + "AbstractChannelHandlerContext.java:444)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
            + "Caused by: java.io.IOException: boom\n\t... 42 more";

    private static KubernetesClientException answer(int code, Status status) {
        return new KubernetesClientException("Failure executing: PATCH at: https://10.0.0.1/apis/apps/v1/x. Message: "
                + status.getMessage() + STACK, code, status);
    }

    private static KubernetesClientException forbidden() {
        return answer(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                .withMessage("statefulsets.apps \"srv\" is forbidden: User \"system:serviceaccount:ops:dittofs-operator\""
                        + " cannot patch resource \"statefulsets\" in API group \"apps\" in the namespace \"files\"")
                .withNewDetails().withKind("statefulsets").withGroup("apps").withName("srv").endDetails().build());
    }

    private static KubernetesClientException invalid() {
        return answer(422, new StatusBuilder().withCode(422).withReason("Invalid")
                .withMessage("StatefulSet.apps \"srv\" is invalid: spec.template.metadata.annotations: Invalid value")
                .withNewDetails().withKind("StatefulSet").withGroup("apps").withName("srv")
                .addNewCause().withField("spec.template.metadata.annotations")
                .withMessage("Invalid value: \"bad key\": name part must consist of alphanumeric characters")
                .endCause().endDetails().build());
    }

    private static void assertHumane(String message) {
        assertThat(message).doesNotContain("\n", "\t", "at io.netty", "Failure executing")
                .hasSizeLessThanOrEqualTo(Conditions.MAX_MESSAGE_LENGTH);
    }

    @Test
    void forbiddenNamesTheVerbAndResourceAndPointsAtRbac() {
        String message = ErrorMessages.describe(forbidden());
        assertThat(message).isEqualTo("The operator is not allowed to patch statefulsets.apps: check its RBAC"
                + " (the ClusterRole bound to its ServiceAccount).");
        assertHumane(message);
    }

    @Test
    void aForbiddenThatIsNotRbacQuotesTheApiServer() {
        String message = ErrorMessages.describe(answer(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                .withMessage("services \"srv-api\" is forbidden: exceeded quota: no-services, requested: services=1,"
                        + " used: services=0, limited: services=0")
                .withNewDetails().withKind("services").withName("srv-api").endDetails().build()));
        assertThat(message).startsWith("Kubernetes refused services srv-api: ").contains("exceeded quota")
                .doesNotContain("RBAC");
        assertHumane(message);
    }

    @Test
    void aWorkflowFailureIsDescribedByItsDependentsCause() {
        var aggregated = new AggregatedOperatorException("Exception(s) during workflow execution.",
                Map.of("statefulset", new RuntimeException("wrapped", forbidden())));
        assertThat(ErrorMessages.describe(aggregated)).startsWith("The operator is not allowed to patch statefulsets");
        // as JOSDK hands it to updateErrorStatus: wrapped once more
        var wrapped = new OperatorException(aggregated);
        assertThat(ErrorMessages.describe(wrapped)).startsWith("The operator is not allowed to patch statefulsets");
    }

    @Test
    void invalidNamesTheObjectAndTheRejectedField() {
        String message = ErrorMessages.describe(invalid());
        assertThat(message).startsWith("Kubernetes rejected StatefulSet.apps srv: spec.template.metadata.annotations:")
                .endsWith("Check the DittoServer fields it is derived from; the operator tries again when the"
                        + " DittoServer changes.");
        assertHumane(message);
    }

    @Test
    void aRefusedDerivedObjectIsASpecProblemNotAnOutage() {
        assertThat(ErrorMessages.specRejected(invalid())).isTrue();
        assertThat(ErrorMessages.specRejected(new OperatorException(new AggregatedOperatorException("workflow",
                Map.of("statefulset", new RuntimeException("wrapped", invalid())))))).isTrue();
        assertThat(ErrorMessages.describe(invalid())).endsWith("the operator tries again when the DittoServer changes.");
        // a webhook's or policy's denial is the spec's problem too; RBAC, quota, 5xx and conflicts are not
        KubernetesClientException denied = answer(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                .withMessage("admission webhook \"policy.example.com\" denied the request: no hostPath")
                .withNewDetails().withKind("statefulsets").withGroup("apps").withName("srv").endDetails().build());
        assertThat(ErrorMessages.specRejected(denied)).isTrue();
        assertThat(ErrorMessages.specRejected(forbidden())).isFalse();
        assertThat(ErrorMessages.specRejected(answer(500, new StatusBuilder().withCode(500).build()))).isFalse();
        assertThat(ErrorMessages.specRejected(answer(409, new StatusBuilder().withCode(409).build()))).isFalse();
        assertThat(ErrorMessages.specRejected(new RuntimeException("boom"))).isFalse();
        // the DittoServer's own status write refused: the operator's defect, it keeps retrying
        assertThat(ErrorMessages.specRejected(answer(422, new StatusBuilder().withCode(422).withReason("Invalid")
                .withNewDetails().withKind("dittoservers").withGroup("dittofs.dittofs.com").withName("srv")
                .endDetails().build()))).isFalse();
    }

    @Test
    void conflictSaysWhatConflicted() {
        String message = ErrorMessages.describe(answer(409, new StatusBuilder().withCode(409).withReason("Conflict")
                .withMessage("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas")
                .withNewDetails().withKind("statefulsets").withGroup("apps").withName("srv").endDetails().build()));
        assertThat(message).isEqualTo("Kubernetes reported a conflict on statefulsets.apps srv (Apply failed with 1"
                + " conflict: conflict with \"kubectl\": .spec.replicas); the operator retries.");
    }

    @Test
    void anUnreachableApiServerIsSaidSo() {
        var e = new KubernetesClientException("An error has occurred.", new ConnectException("Connection refused"));
        assertThat(ErrorMessages.describe(e)).isEqualTo(
                "The operator could not reach the Kubernetes API server (ConnectException); it retries.");
    }

    @Test
    void onlyAnApiServerThatGaveNoAnswerCountsAsUnreachable() {
        var closed = new KubernetesClientException("An error has occurred.", new java.io.IOException("closed"));
        assertThat(ErrorMessages.apiServerUnreachable(new RuntimeException("workflow", closed))).isTrue();
        var forbidden = new KubernetesClientException(new StatusBuilder().withCode(403).withMessage("forbidden")
                .build());
        assertThat(ErrorMessages.apiServerUnreachable(forbidden)).isFalse();
        assertThat(ErrorMessages.apiServerUnreachable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void anUnknownExceptionGetsAGenericSentenceWithItsSimpleName() {
        var e = new IllegalStateException("something deep" + STACK);
        assertThat(ErrorMessages.describe(e)).isEqualTo("The reconcile failed with an unexpected"
                + " IllegalStateException; the operator retries, and its log has the details.");
    }

    @Test
    void theShortCauseIsTheRootCausesFirstLineBounded() {
        var e = new RuntimeException("outer", new UncheckedIOException("io " + "x".repeat(500) + STACK,
                new java.io.IOException("disk on fire" + STACK)));
        assertThat(ErrorMessages.shortCause(e)).isEqualTo("IOException: disk on fire");
        assertThat(ErrorMessages.shortCause(new RuntimeException("y".repeat(5000)))).hasSize(200).endsWith("…");
    }

    @Test
    void readyCarriesTheSentenceNotTheStackTrace() {
        DittoServer server = Fixtures.basic();
        var huge = new KubernetesClientException("x".repeat(40_000) + STACK.repeat(500), 500,
                new StatusBuilder().withCode(500).withMessage("etcdserver: request timed out" + STACK).build());
        DittoServerStatus status = Aggregate.status(server, Fixtures.inputs(server), Optional.empty(),
                huge, Instant.parse("2026-01-01T00:00:00Z"));
        var ready = status.getConditions().stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow();
        assertThat(ready.getReason()).isEqualTo("ReconcileError");
        assertThat(ready.getMessage()).isEqualTo("The Kubernetes API server failed (HTTP 500) on an object; the"
                + " operator retries.");
        assertThat(status.getConditions()).allSatisfy(c -> assertHumane(c.getMessage()));
    }

    @Test
    void conditionsDropStackLinesAndCapTheLength() {
        assertThat(Conditions.tidy("Secret s3 has no key accessKeyId" + STACK))
                .isEqualTo("Secret s3 has no key accessKeyId");
        assertThat(Conditions.tidy("at least one of nfs and smb\n  must be enabled"))
                .isEqualTo("at least one of nfs and smb must be enabled");
        String capped = Conditions.tidy("word ".repeat(10_000));
        assertThat(capped).hasSize(Conditions.MAX_MESSAGE_LENGTH).endsWith("…");
        assertThat(Conditions.tidy(null)).isEmpty();
        var built = new Conditions(null, 1L, Instant.EPOCH).set("Ready", false, "X", "z".repeat(100_000)).build();
        assertThat(built.get(0).getMessage()).hasSize(Conditions.MAX_MESSAGE_LENGTH);
    }
}
