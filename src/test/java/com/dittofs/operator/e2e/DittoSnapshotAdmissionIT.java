package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.SnapshotDeletionPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of a DittoSnapshot on the real apiserver: a share path that is not one, a deletionPolicy that does not
 * exist and a missing server are refused naming the field; once created, no field of the spec can change.
 */
@QuarkusIntegrationTest
class DittoSnapshotAdmissionIT extends E2E {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("server: files, share: export", "spec.share", "should match"),
                Arguments.of("server: files, share: /Export", "spec.share", "should match"),
                Arguments.of("server: files, share: /a/b", "spec.share", "should match"),
                Arguments.of("server: files, share: /" + "a".repeat(64), "spec.share", "should match"),
                Arguments.of("server: files", "spec.share", "Required value"),
                Arguments.of("share: /export", "spec.server", "Required value"),
                Arguments.of("server: Files, share: /export", "spec.server", "should match"),
                Arguments.of("server: " + "a".repeat(53) + ", share: /export", "spec.server", "Too long"),
                Arguments.of("server: files, share: /export, deletionPolicy: delete", "spec.deletionPolicy",
                        "Unsupported value"),
                Arguments.of("server: files, share: /export, deletionPolicy: Orphan", "spec.deletionPolicy",
                        "Unsupported value"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void refusedNamingTheField(String spec, String field, String rule) {
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                () -> admin.resource(snapshot("bad", spec)).dryRun().create());
        assertThat(error).as("accepted: " + spec).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(field).contains(rule);
    }

    @Test
    void admittedWithDeleteByDefaultAndImmutableOnceCreated() {
        admin.resource(snapshot("once", "server: files, share: /export")).create();
        DittoSnapshot created = admin.resources(DittoSnapshot.class).inNamespace(namespace).withName("once").get();
        assertThat(created.getSpec().getDeletionPolicy()).isEqualTo(SnapshotDeletionPolicy.Delete);
        // merge patches carry no resourceVersion: only admission can refuse them (not a conflict with the operator's
        // own writes of the finalizer and the status)
        for (String change : java.util.List.of("{\"spec\":{\"share\":\"/other\"}}",
                "{\"spec\":{\"server\":\"other\"}}", "{\"spec\":{\"deletionPolicy\":\"Retain\"}}")) {
            KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                    () -> admin.resources(DittoSnapshot.class).inNamespace(namespace).withName("once")
                            .patch(PatchContext.of(PatchType.JSON_MERGE), change));
            assertThat(error).as("a spec change was admitted: " + change).isNotNull();
            assertThat(error.getCode()).isEqualTo(422);
            assertThat(error.getMessage()).contains("is immutable: a DittoSnapshot is one snapshot");
        }
        // no server "files" exists: the finalizer lets go at once
        admin.resources(DittoSnapshot.class).inNamespace(namespace).withName("once").delete();
    }

    private static GenericKubernetesResource snapshot(String name, String specYaml) {
        return Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoSnapshot
                metadata: {name: %s, namespace: %s}
                spec: {%s}
                """.formatted(name, namespace, specYaml), GenericKubernetesResource.class);
    }
}
