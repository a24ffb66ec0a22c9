package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.dittofs.operator.api.v1alpha1.DittoSnapshotRestore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The rules of DittoSnapshotRestore on the real apiserver: exactly one of snapshot.id and snapshot.dittoSnapshotName,
 * the required fields, and a spec that cannot be edited once created (a restore runs once).
 */
@QuarkusIntegrationTest
class SnapshotRestoreAdmissionIT extends E2E {

    private static final String EXACTLY_ONE = "snapshot needs exactly one of id and dittoSnapshotName";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{server: files, share: /export, snapshot: {}}", "spec.snapshot", EXACTLY_ONE),
                Arguments.of("{server: files, share: /export, snapshot: {id: a1, dittoSnapshotName: nightly}}",
                        "spec.snapshot", EXACTLY_ONE),
                Arguments.of("{share: /export, snapshot: {id: a1}}", "spec.server", "Required value"),
                Arguments.of("{server: files, snapshot: {id: a1}}", "spec.share", "Required value"),
                Arguments.of("{server: files, share: /export}", "spec.snapshot", "Required value"),
                Arguments.of("{server: files, share: export, snapshot: {id: a1}}", "spec.share", "should match"),
                Arguments.of("{server: Files, share: /export, snapshot: {id: a1}}", "spec.server", "should match"),
                Arguments.of("{server: files, share: /export, snapshot: {id: 'a/b'}}", "spec.snapshot.id",
                        "should match"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void refusedNamingTheField(String spec, String field, String rule) {
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                () -> admin.resource(restore("r", spec)).dryRun().create());
        assertThat(error).as("accepted: " + spec).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(field).contains(rule);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("admittedSpecs")
    void admitted(String spec) {
        assertThat(admin.resource(restore("r", spec)).dryRun().create().getMetadata().getName()).isEqualTo("r");
    }

    static Stream<String> admittedSpecs() {
        return Stream.of("{server: files, share: /export, snapshot: {id: 0f9c2a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6}}",
                "{server: files, share: /export, snapshot: {dittoSnapshotName: nightly.1},"
                        + " allowNonDurable: true, acknowledgeAllShares: true}");
    }

    /** Any change of the spec is refused; metadata stays editable. */
    @Test
    void theSpecCannotBeEdited() {
        admin.resource(restore("fixed", "{server: files, share: /export, snapshot: {id: a1}}")).create();
        var restores = admin.resources(DittoSnapshotRestore.class).inNamespace(namespace).withName("fixed");
        // merge patches carry no resourceVersion: only admission can refuse them, never a conflict with the
        // operator's own status write (an edit of a stale copy would get 409 instead)
        for (String change : java.util.List.of("{\"spec\":{\"share\":\"/other\"}}",
                "{\"spec\":{\"snapshot\":{\"id\":\"b2\"}}}", "{\"spec\":{\"acknowledgeAllShares\":true}}")) {
            KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                    () -> restores.patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                            io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), change));
            assertThat(error).isNotNull();
            assertThat(error.getCode()).isEqualTo(422);
            assertThat(error.getMessage()).contains("spec: ").contains("spec is immutable");
        }
        restores.patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"team\":\"a\"}}}");
        assertThat(restores.get().getMetadata().getLabels()).containsEntry("team", "a");
        assertThat(restores.get().getSpec().getShare()).isEqualTo("/export");
    }

    private static GenericKubernetesResource restore(String name, String specYaml) {
        return Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoSnapshotRestore
                metadata: {name: %s, namespace: %s}
                spec: %s
                """.formatted(name, namespace, specYaml), GenericKubernetesResource.class);
    }
}
