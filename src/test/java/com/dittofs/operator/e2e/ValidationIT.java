package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is rejected by the apiserver itself (schema and CEL), with a message naming the field. */
@QuarkusIntegrationTest
class ValidationIT extends E2E {

    private static final String VALID_STORAGE = "storage: {metadataSize: 10Gi}";

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of("storage: {metadataSize: 10GB}", "spec.storage.metadataSize"),
                Arguments.of("storage: {metadataSize: ten}", "spec.storage.metadataSize"),
                Arguments.of("storage: {metadataSize: 10Gi, cacheSize: 5 Gi}", "spec.storage.cacheSize"),
                Arguments.of("storage: {metadataSize: 10Gi, contentSize: -1Gi}", "spec.storage.contentSize"),
                Arguments.of("replicas: 1", "spec.storage"),
                Arguments.of("storage: {cacheSize: 5Gi}", "spec.storage.metadataSize"),
                Arguments.of(VALID_STORAGE + ", replicas: 2", "spec.replicas"),
                Arguments.of(VALID_STORAGE + ", replicas: -1", "spec.replicas"),
                Arguments.of(VALID_STORAGE + ", nfs: {port: 0}", "spec.nfs.port"),
                Arguments.of(VALID_STORAGE + ", nfs: {port: 70000}", "spec.nfs.port"),
                Arguments.of(VALID_STORAGE + ", smb: {port: 65536}", "spec.smb.port"),
                Arguments.of(VALID_STORAGE + ", controlPlane: {port: 80}", "spec.controlPlane.port"),
                Arguments.of(VALID_STORAGE + ", metrics: {port: 100000}", "spec.metrics.port"),
                Arguments.of(VALID_STORAGE + ", service: {type: External}", "spec.service.type"),
                Arguments.of(VALID_STORAGE + ", imagePullPolicy: Sometimes", "spec.imagePullPolicy"),
                Arguments.of(VALID_STORAGE + ", logging: {level: TRACE}", "spec.logging.level"),
                Arguments.of(VALID_STORAGE + ", logging: {format: xml}", "spec.logging.format"),
                Arguments.of(VALID_STORAGE + ", database: {type: mysql}", "spec.database.type"),
                Arguments.of(VALID_STORAGE + ", database: {type: postgres}", "database.postgresSecretRef"),
                Arguments.of(VALID_STORAGE + ", database: {postgresSecretRef: {name: pg}}", "database.postgresSecretRef"),
                Arguments.of(VALID_STORAGE + ", nfs: {enabled: false}, smb: {enabled: false}", "nfs.enabled"),
                Arguments.of(VALID_STORAGE + ", nfs: {port: 445}", "nfs.port and smb.port"),
                Arguments.of(VALID_STORAGE + ", service: {loadBalancerIP: 10.0.0.1}", "service.loadBalancerIP"),
                Arguments.of(VALID_STORAGE + ", service: {externalTrafficPolicy: Local}",
                        "service.externalTrafficPolicy"),
                Arguments.of(VALID_STORAGE + ", service: {type: NodePort, externalTrafficPolicy: Sideways}",
                        "spec.service.externalTrafficPolicy"),
                Arguments.of(VALID_STORAGE + ", s3: {credentialsSecretRef: {name: s3}}", "spec.s3.bucket"),
                Arguments.of(VALID_STORAGE + ", s3: {bucket: b1}", "spec.s3.credentialsSecretRef"),
                Arguments.of(VALID_STORAGE + ", s3: {bucket: Bad_Bucket, credentialsSecretRef: {name: s3}}",
                        "spec.s3.bucket"),
                Arguments.of(VALID_STORAGE + ", s3: {bucket: b12, endpoint: 'minio:9000', credentialsSecretRef: {name: s3}}",
                        "spec.s3.endpoint"),
                Arguments.of(VALID_STORAGE + ", identity: {jwt: {secretRef: {name: jwt}}}", "identity.jwt.secretRef"),
                Arguments.of(VALID_STORAGE + ", identity: {admin: {passwordSecretRef: {key: pw}}}",
                        "identity.admin.passwordSecretRef"),
                Arguments.of(VALID_STORAGE + ", terminationGracePeriodSeconds: -5",
                        "spec.terminationGracePeriodSeconds"));
    }

    private static GenericKubernetesResource server(String name, String specYaml) {
        GenericKubernetesResource resource = Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: %s, namespace: %s}
                spec: {%s}
                """.formatted(name, namespace, specYaml), GenericKubernetesResource.class);
        return resource;
    }

    private static KubernetesClientException reject(GenericKubernetesResource resource) {
        return catchThrowableOfType(KubernetesClientException.class, () -> admin.resource(resource).create());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidSpecs")
    void invalidSpecIsRejectedNamingTheField(String spec, String field) {
        KubernetesClientException error = reject(server("invalid", spec));
        assertThat(error).as("accepted: " + spec).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(field);
    }

    @Test
    void storageClassIsImmutable() {
        admin.resource(server("immutable-class", "storage: {metadataSize: 1Gi, storageClassName: standard}")).create();
        var error = catchThrowableOfType(KubernetesClientException.class, () -> admin.resource(
                server("immutable-class", "storage: {metadataSize: 1Gi, storageClassName: fast}")).update());
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("storage.storageClassName is immutable");
    }

    @Test
    void contentVolumeCannotBeAddedLater() {
        admin.resource(server("no-content", "storage: {metadataSize: 1Gi}, replicas: 0")).create();
        var error = catchThrowableOfType(KubernetesClientException.class, () -> admin.resource(
                server("no-content", "storage: {metadataSize: 1Gi, contentSize: 1Gi}, replicas: 0")).update());
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("storage.contentSize cannot be added or removed");
    }

    @Test
    void defaultsAreFilledInByTheApiserver() {
        var created = admin.resource(server("defaults", "storage: {metadataSize: 1Gi}, replicas: 0")).create();
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) created.getAdditionalProperties().get("spec");
        assertThat(spec).containsEntry("image", "marmos91c/dittofs:v0.29.0").containsEntry("replicas", 0)
                .containsEntry("nfs", Map.of("enabled", true, "port", 2049))
                .containsEntry("smb", Map.of("enabled", true, "port", 445))
                .containsEntry("service", Map.of("type", "ClusterIP"))
                .containsEntry("database", Map.of("type", "sqlite"))
                .containsEntry("terminationGracePeriodSeconds", 105);
        @SuppressWarnings("unchecked")
        Map<String, Object> storage = (Map<String, Object>) spec.get("storage");
        assertThat(storage).containsEntry("cacheSize", "5Gi");
    }
}
