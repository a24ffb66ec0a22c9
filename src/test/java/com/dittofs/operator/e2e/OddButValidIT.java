package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd but valid DittoServers: whatever the apiserver admits must settle (Ready, or Stopped for replicas 0) and never
 * end in a reconcile error loop.
 */
@QuarkusIntegrationTest
class OddButValidIT extends E2E {

    private static final String STORAGE = "storage: {metadataSize: 1Gi}";

    static Stream<Arguments> oddButValid() {
        return Stream.of(
                Arguments.of("minimal", STORAGE),
                Arguments.of("empty-blocks", STORAGE + ", nfs: {}, smb: {}, service: {}, metrics: {}, identity: {},"
                        + " logging: {}, controlPlane: {}, database: {}, podAnnotations: {}, podLabels: {},"
                        + " nodeSelector: {}, tolerations: [], imagePullSecrets: [], resources: {}, affinity: {},"
                        + " securityContext: {}, podSecurityContext: {}"),
                Arguments.of("empty-identity-parts", STORAGE + ", identity: {jwt: {}, admin: {}}, shares: []"),
                Arguments.of("l".repeat(Names.MAX_NAME_LENGTH), STORAGE),
                Arguments.of("x", STORAGE + ", replicas: 0"),
                Arguments.of("metadata-values", STORAGE
                        + ", podAnnotations: {'example.com/note': '日本語 ✓ ü 🚀 " + "é".repeat(30_000) + "'},"
                        + " podLabels: {'example.com/team': '" + "t".repeat(63) + "', 'x': 'Y_1.z'},"
                        + " service: {annotations: {'example.com/long': '" + "a".repeat(100_000) + "',"
                        + " 'example.com/unicode': 'ünïcode ✓ 🚀'}}"),
                Arguments.of("port-bounds-low", STORAGE + ", nfs: {port: 1}, smb: {port: 65535},"
                        + " controlPlane: {port: 1024}, metrics: {enabled: true, port: 65535}"),
                Arguments.of("port-bounds-high", STORAGE + ", nfs: {port: 65535}, smb: {port: 1},"
                        + " controlPlane: {port: 65535}, metrics: {enabled: true, port: 1024}"),
                Arguments.of("smb-only-on-2049", STORAGE + ", nfs: {enabled: false}, smb: {port: 2049}"),
                Arguments.of("nfs-only-on-445", STORAGE + ", nfs: {port: 445}, smb: {enabled: false, port: 445}"),
                Arguments.of("odd-image-tag", STORAGE + ", image: 'registry.example.com:5000/team/dittofs:v0.29.0_',"
                        + " imagePullPolicy: Never"),
                Arguments.of("digest-image", STORAGE + ", image: 'marmos91c/dittofs@sha256:" + "0a".repeat(32) + "'"),
                Arguments.of("max-shares", STORAGE + ", shares: [" + IntStream.range(0, 32)
                        .mapToObj(i -> "{name: /" + String.format("%02d", i) + "s".repeat(61) + "}")
                        .collect(Collectors.joining(", ")) + "]"),
                Arguments.of("odd-quantities", "storage: {metadataSize: 1.5Gi, cacheSize: 500M, contentSize: 0.5Ti}"),
                Arguments.of("odd-settings", STORAGE + ", terminationGracePeriodSeconds: 5,"
                        + " logging: {level: DEBUG, format: text}, tolerations: [{operator: Exists}],"
                        + " resources: {requests: {cpu: 1m, memory: 1Ki}}"),
                Arguments.of("load-balancer", STORAGE + ", service: {type: LoadBalancer, externalTrafficPolicy: Local,"
                        + " loadBalancerIP: '2001:db8::1', loadBalancerSourceRanges: [10.0.0.0/8, '::/0']}"));
    }

    private static DittoServer server(String name, String specYaml) {
        return Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: %s}
                spec: {%s}
                """.formatted(name, specYaml), DittoServer.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oddButValid")
    void isAdmittedAndSettlesWithoutError(String name, String spec) {
        DittoServer created = create(server(name, spec));
        boolean stopped = created.getSpec().getReplicas() == 0;

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            DittoServer current = get(name);
            assertNoReconcileError(current);
            return settled(current, stopped);
        });

        DittoServer settled = get(name);
        assertThat(settled.getStatus().getObservedGeneration()).isEqualTo(settled.getMetadata().getGeneration());
        assertThat(settled.getStatus().getPhase()).isEqualTo(stopped ? Phase.Stopped : Phase.Running);
        assertThat(settled.getStatus().getConditions()).allSatisfy(c -> assertThat(c.getMessage())
                .doesNotContain("\n").hasSizeLessThan(500));
        assertThat(admin.v1().events().inNamespace(namespace).list().getItems())
                .filteredOn(e -> name.equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType())
                        && "ReconcileError".equals(e.getReason()))
                .as("ReconcileError events of " + name).isEmpty();
    }

    private static boolean settled(DittoServer server, boolean stopped) {
        if (server == null || server.getStatus() == null) {
            return false;
        }
        Condition ready = server.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .findFirst().orElse(null);
        if (ready == null) {
            return false;
        }
        return stopped
                ? "False".equals(ready.getStatus()) && "Stopped".equals(ready.getReason())
                        && server.getStatus().getPhase() == Phase.Stopped
                : "True".equals(ready.getStatus());
    }

    private static void assertNoReconcileError(DittoServer server) {
        if (server == null || server.getStatus() == null) {
            return;
        }
        assertThat(server.getStatus().getConditions()).as("conditions of " + server.getMetadata().getName())
                .noneMatch(c -> "ReconcileError".equals(c.getReason()));
    }
}
