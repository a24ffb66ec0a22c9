package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DittoServers written for the Go operator (docs/MIGRATING.md): one fixture per sample of its v0.29.0, with the same
 * fields in the same shapes (src/test/resources/migration/go-samples), applied with kubectl as a user would. Each is
 * accepted and reaches Ready, or is rejected at admission with the message that says what to write instead; and each
 * Go-only field outside the samples is rejected the same way rather than pruned.
 */
@QuarkusIntegrationTest
class GoSamplesIT extends E2E {

    static final Path SAMPLES = Path.of("src/test/resources/migration/go-samples");

    @BeforeAll
    static void goSecrets() {
        var created = kubectl("create", "-f", SAMPLES.resolve("secrets.yaml").toString());
        assertThat(created.exitCode()).as(created.output()).isZero();
    }

    static Stream<Arguments> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("secrets.yaml")).sorted()
                    .map(f -> Arguments.of(f.getFileName().toString(), expectation(f))).toList().stream();
        }
    }

    private static String expectation(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: ")).findFirst()
                    .orElseThrow().substring("# expect: ".length());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ControlPlane.Result kubectl(String... args) {
        String[] all = Stream.concat(Stream.of("-n", namespace), Stream.of(args)).toArray(String[]::new);
        return cluster.kubectl(all);
    }

    /**
     * kubectl with --validate=warn, as Helm, Argo CD and Flux send (the apiserver warns of unknown fields and prunes
     * them): the mode in which a field this operator does not declare would vanish unnoticed.
     */
    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("samples")
    void goSampleIsReadyOrRejectedSayingWhatToWrite(String file, String expect) {
        String name = "go-" + file.replace(".yaml", "");
        var created = kubectl("create", "--validate=warn", "-f", SAMPLES.resolve(file).toString());
        if (expect.startsWith("rejected ")) {
            assertThat(created.exitCode()).as(created.output()).isNotZero();
            assertThat(created.output()).contains(expect.substring("rejected ".length()));
            assertThat(get(name)).isNull();
            return;
        }
        assertThat(created.exitCode()).as(created.output()).isZero();
        if (expect.equals("Ready")) {
            var ready = kubectl("wait", "--for=condition=Ready", "dittoserver/" + name, "--timeout=240s");
            assertThat(ready.exitCode()).as(ready.output()).isZero();
        } else {
            // Percona-backed: Ready needs a Percona operator (PerconaIT plays it); here the server is admitted and
            // reconciled without an error.
            await().atMost(TIMEOUT).until(() -> get(name).getStatus() != null
                    && get(name).getStatus().getObservedGeneration() != null);
            assertThat(get(name).getStatus().getConditions()).extracting(c -> c.getReason())
                    .doesNotContain("ReconcileError");
        }
    }

    @Test
    void kubectlStrictValidationNamesTheSmbFieldsTheGoCrdNeverHad() {
        // kubectl's default (--validate=strict) refused these with the Go operator's CRD too: it had no spec.smb.
        var strict = kubectl("create", "--dry-run=server", "-f", SAMPLES.resolve("smb.yaml").toString());
        assertThat(strict.exitCode()).as(strict.output()).isNotZero();
        assertThat(strict.output()).contains("spec.smb.maxConnections");
    }

    static Stream<Arguments> goOnlyFields() {
        return Stream.of(
                Arguments.of("snapshotPolicies: [{share: /export, interval: 24h}]",
                        "spec.snapshotPolicies moved to spec.shares[].snapshotPolicy"),
                Arguments.of("adapterServices: {type: NodePort}", "spec.adapterServices is now spec.service"),
                Arguments.of("adapterDiscovery: {pollingInterval: 30s}", "spec.adapterDiscovery is not used"),
                Arguments.of("storage: {metadataSize: 1Gi, controlPlaneSize: 1Gi}",
                        "storage.controlPlaneSize is not used"),
                Arguments.of("controlPlane: {clientCASecretName: client-ca}",
                        "controlPlane.clientCASecretName is now controlPlane.tls.clientAuth.caSecretRef"),
                Arguments.of("controlPlane: {certSecretName: api-tls}",
                        "controlPlane.certSecretName is now controlPlane.tls.secretName"),
                Arguments.of("database: {sqlite: {path: /data/other.db}}", "database.sqlite.path cannot be chosen"),
                Arguments.of("percona: {enabled: true, backup: {incrSchedule: '0 * * * *'}}",
                        "percona.backup.incrSchedule is now percona.backup.incrementalSchedule"),
                Arguments.of("identity: {type: ldap}", "identity.type can only be memory"),
                Arguments.of("identity: {ldap: {url: 'ldaps://dc.example:636', baseDN: 'dc=example', bindDN:"
                        + " 'cn=svc,dc=example', bindPasswordSecretRef: {name: ldap, key: password}, caCertFile:"
                        + " /etc/ldap/ca.pem}}",
                        "identity.ldap.caCertFile is now identity.ldap.caSecretRef"),
                Arguments.of("identity: {kerberos: {servicePrincipal: 'cifs/files.example@EXAMPLE', keytabSecretRef:"
                        + " {name: keytab, key: keytab}, krb5ConfSecretRef: {name: krb5, key: krb5.conf}, krb5Conf:"
                        + " /etc/krb5.conf}}",
                        "identity.kerberos.krb5Conf is now identity.kerberos.krb5ConfSecretRef"),
                Arguments.of("identity: {kerberos: {servicePrincipal: 'cifs/files.example@EXAMPLE', keytabSecretRef:"
                        + " {name: keytab, key: keytab}, krb5ConfSecretRef: {name: krb5, key: krb5.conf}, netbiosDomain:"
                        + " EXAMPLE, machineAccount: {enabled: true, accountName: 'DITTOFS$', secretRef: {name: machine,"
                        + " key: password}, keytabSecretRef: {name: machine, key: keytab}}}}",
                        "identity.kerberos.machineAccount.keytabSecretRef is not supported"));
    }

    /**
     * Each with the fields this CRD requires and the Go one did not (the apiserver checks no rule while a required
     * field is missing: that error comes first, docs/MIGRATING.md).
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("goOnlyFields")
    void goOnlyFieldIsRejectedNotPruned(String spec, String message) {
        String yaml = spec.startsWith("storage:") ? spec : "storage: {metadataSize: 1Gi}, " + spec;
        GenericKubernetesResource server = Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: legacy, namespace: %s}
                spec: {%s}
                """.formatted(namespace, yaml), GenericKubernetesResource.class);
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                () -> admin.resource(server).dryRun().create());
        assertThat(error).as("admitted: " + spec).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(message);
    }

    @Test
    void goDefaultsThatChangeNothingAreAdmitted() {
        GenericKubernetesResource server = Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: go-defaults, namespace: %s}
                spec:
                  storage: {metadataSize: 1Gi}
                  identity: {type: memory, admin: {username: admin}}
                  database: {type: sqlite, sqlite: {path: /data/controlplane/controlplane.db}}
                """.formatted(namespace), GenericKubernetesResource.class);
        assertThat(admin.resource(server).dryRun().create()).isNotNull();
    }
}
