package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules on spec.shares[].snapshotPolicy, on the real apiserver: what dfs would refuse (DfsClientSnapshotsIT pins
 * dfs's own answers) is refused at admission naming the field; intervals below dfs's one-minute scheduler tick too.
 * Dry runs: nothing is stored, nothing reconciled.
 */
@QuarkusIntegrationTest
class SnapshotPolicyAdmissionIT extends E2E {

    private static final String FIELD = "spec.shares[0].snapshotPolicy";

    private static String policy(String policy) {
        return "storage: {metadataSize: 1Gi}, shares: [{name: /team, snapshotPolicy: {" + policy + "}}]";
    }

    static Stream<Arguments> refused() {
        String interval = "interval must be @hourly, @daily, @weekly or a duration of at least 1m";
        String ttl = "ttl must be a duration such as 720h, or 0 for no age bound";
        return Stream.of(
                Arguments.of(policy("interval: 0s"), FIELD + ".interval", interval),
                Arguments.of(policy("interval: 30s"), FIELD + ".interval", interval),
                Arguments.of(policy("interval: '@yearly'"), FIELD + ".interval", interval),
                Arguments.of(policy("interval: abc"), FIELD + ".interval", interval),
                Arguments.of(policy("interval: '-1h'"), FIELD + ".interval", interval),
                Arguments.of(policy("interval: 1d"), FIELD + ".interval", interval),
                Arguments.of(policy("interval: ' 6h'"), FIELD + ".interval", interval),
                Arguments.of(policy("interval: 6h, ttl: '-1h'"), FIELD + ".ttl", ttl),
                Arguments.of(policy("interval: 6h, ttl: 30d"), FIELD + ".ttl", ttl),
                Arguments.of(policy("interval: 6h, keepLast: -1"), FIELD + ".keepLast",
                        "should be greater than or equal to 0"),
                Arguments.of(policy("interval: 6h, namePrefix: a/b"), FIELD + ".namePrefix", "should match"),
                Arguments.of(policy("interval: 6h, namePrefix: " + "a".repeat(65)), FIELD + ".namePrefix",
                        "Too long"),
                Arguments.of(policy("keepLast: 3"), FIELD,
                        "snapshotPolicy.interval is required (unless ensure is absent)"),
                Arguments.of(policy("interval: 6h, ensure: gone"), FIELD + ".ensure", "Unsupported value"),
                Arguments.of("storage: {metadataSize: 1Gi}, shares: [{name: /old, ensure: absent,"
                        + " snapshotPolicy: {interval: 6h}}]", "spec.shares[0]",
                        "a share with ensure absent takes no grants, no nfs settings and no snapshotPolicy"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void refusedNamingTheField(String spec, String field, String rule) {
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                () -> admin.resource(server(spec)).dryRun().create());
        assertThat(error).as("accepted: " + spec).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(field + ": ").contains(rule);
    }

    static Stream<String> admitted() {
        return Stream.of(policy("interval: '@daily'"), policy("interval: '@Hourly', keepLast: 0"),
                policy("interval: 1m"), policy("interval: 1h30m, ttl: 720h, keepLast: 28, namePrefix: team_1-a"),
                policy("interval: 1.5h, ttl: '0'"), policy("interval: 6h, ttl: ''"),
                policy("interval: 90m, enabled: false"), policy("ensure: absent"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("admitted")
    void admitted(String spec) {
        assertThat(admin.resource(server(spec)).dryRun().create().getMetadata().getName()).isEqualTo("snap");
    }

    private static GenericKubernetesResource server(String specYaml) {
        return Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: snap, namespace: %s}
                spec: {%s}
                """.formatted(namespace, specYaml), GenericKubernetesResource.class);
    }
}
