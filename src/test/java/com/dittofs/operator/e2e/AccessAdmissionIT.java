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
 * The rules on users, groups and grants, on the real apiserver: each bad spec is refused with a message naming the
 * field (and the rule), each odd but sound one is admitted. Dry runs: nothing is stored, nothing reconciled.
 */
@QuarkusIntegrationTest
class AccessAdmissionIT extends E2E {

    private static final String BASE = "storage: {metadataSize: 1Gi}";
    private static final String ALICE = "{name: alice, passwordSecretRef: {name: pw, key: alice}}";
    private static final String BOB = "{name: bob, passwordSecretRef: {name: pw, key: bob}}";

    private static String spec(String users, String groups, String grants) {
        return BASE + ", users: [" + users + "], groups: [" + groups + "], shares: [{name: /export, grants: ["
                + grants + "]}]";
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(spec(ALICE, "{name: eng}", "{group: ops, level: read}"), "spec",
                        "shares[].grants[].group must name a group declared in spec.groups"),
                Arguments.of(spec(ALICE, "{name: eng}", "{user: alice, group: eng, level: read}"),
                        "spec.shares[0].grants[0]", "a grant names exactly one of user and group"),
                Arguments.of(spec(ALICE, "{name: eng}", "{level: read}"),
                        "spec.shares[0].grants[0]", "a grant names exactly one of user and group"),
                Arguments.of(spec(ALICE, "{name: admins}", ""), "spec.groups[0].name",
                        "admins, operators and users are dfs's own groups"),
                Arguments.of(spec(ALICE, "{name: operators}", ""), "spec.groups[0].name",
                        "admins, operators and users are dfs's own groups"),
                Arguments.of(spec(ALICE, "{name: eng}, {name: users}", ""), "spec.groups[1].name",
                        "admins, operators and users are dfs's own groups"),
                Arguments.of(spec(ALICE + ", " + ALICE, "", ""), "spec.users", "users names must be unique"),
                Arguments.of(spec(ALICE, "{name: eng}, {name: eng}", ""), "spec.groups",
                        "groups names must be unique"),
                Arguments.of(spec("{name: alice, passwordSecretRef: {name: pw, key: ''}}", "", ""),
                        "spec.users[0].passwordSecretRef", "users[].passwordSecretRef needs both name and key"),
                Arguments.of(spec("{name: alice, passwordSecretRef: {name: '', key: alice}}", "", ""),
                        "spec.users[0].passwordSecretRef", "users[].passwordSecretRef needs both name and key"),
                Arguments.of(spec("{name: alice, passwordSecretRef: {key: alice}}", "", ""),
                        "spec.users[0].passwordSecretRef", "users[].passwordSecretRef needs both name and key"),
                Arguments.of(spec(ALICE, "", "{user: alice, level: read}, {user: alice, level: read-write}"),
                        "spec.shares[0].grants", "grants[].user must be unique within a share"),
                Arguments.of(spec(ALICE, "{name: eng}", "{group: eng, level: read}, {group: eng, level: none}"),
                        "spec.shares[0].grants", "grants[].group must be unique within a share"),
                Arguments.of(spec(ALICE, "{name: eng, gid: 3000}, {name: ops, gid: 3000}", ""), "spec.groups",
                        "groups[].gid must be unique"),
                Arguments.of(spec(ALICE, "{name: eng, gid: 1000}", ""), "spec.groups[0].gid",
                        "gid 999 and 1000 belong to dfs's own groups"),
                Arguments.of(spec(ALICE, "{name: eng, gid: 999}", ""), "spec.groups[0].gid",
                        "gid 999 and 1000 belong to dfs's own groups"),
                Arguments.of(spec("{name: alice}", "", ""), "spec.users[0]",
                        "users[].passwordSecretRef is required unless ensure is absent"),
                Arguments.of(spec("{name: alice, ensure: absent}", "", "{user: alice, level: read}"), "spec",
                        "shares[].grants[].user must name a user declared in spec.users (and not ensure: absent)"),
                Arguments.of(spec(ALICE, "{name: eng, ensure: absent}", "{group: eng, level: read}"), "spec",
                        "shares[].grants[].group must name a group declared in spec.groups (and not ensure: absent)"),
                Arguments.of(spec("{name: alice, groups: [eng], passwordSecretRef: {name: pw, key: alice}}",
                        "{name: eng, ensure: absent}", ""), "spec",
                        "users[].groups must name groups declared in spec.groups (and not ensure: absent)"),
                Arguments.of(BASE + ", shares: [{name: /old, ensure: absent, nfs: {squash: none}}]", "spec.shares[0]",
                        "a share with ensure absent takes no grants, no nfs settings and no snapshotPolicy"),
                Arguments.of(spec("{name: alice, ensure: gone}", "", ""), "spec.users[0].ensure",
                        "Unsupported value"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("refused")
    void refusedNamingTheField(String spec, String field, String rule) {
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                () -> admin.resource(server(spec)).dryRun().create());
        assertThat(error).as("accepted: " + spec).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(field + ": ").contains(rule);
    }

    static Stream<Arguments> admitted() {
        return Stream.of(
                Arguments.of("a user and a group of the same name, one grant each",
                        spec("{name: eng, passwordSecretRef: {name: pw, key: eng}}", "{name: eng}",
                                "{user: eng, level: read}, {group: eng, level: read-write}")),
                Arguments.of("two users and a group, one grant each",
                        spec(ALICE + ", " + BOB, "{name: eng, gid: 3000}, {name: ops}, {name: qa}",
                                "{user: alice, level: read}, {user: bob, level: none}, {group: eng, level: admin}")),
                Arguments.of("the same user granted on two shares", BASE + ", users: [" + ALICE + "], shares:"
                        + " [{name: /a, grants: [{user: alice, level: read}]},"
                        + " {name: /b, grants: [{user: alice, level: read-write}]}]"),
                Arguments.of("absent users (no password Secret), groups and shares beside present ones",
                        BASE + ", users: [" + ALICE + ", {name: bob, ensure: absent}], groups: [{name: old,"
                                + " ensure: absent}], shares: [{name: /export, grants: [{user: alice, level: read}]},"
                                + " {name: /old, ensure: absent}]"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("admitted")
    void admitted(String what, String spec) {
        assertThat(admin.resource(server(spec)).dryRun().create().getMetadata().getName()).isEqualTo("access");
    }

    private static GenericKubernetesResource server(String specYaml) {
        return Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: access, namespace: %s}
                spec: {%s}
                """.formatted(namespace, specYaml), GenericKubernetesResource.class);
    }
}
