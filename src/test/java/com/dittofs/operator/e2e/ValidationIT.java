package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.dittofs.operator.naming.Names;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {enabled: true, url: 'ldap://dc:389', baseDN: dc=x,"
                        + " bindDN: cn=svc, bindPasswordSecretRef: {name: b, key: p}}}", "startTLS"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'ldaps://dc', startTLS: true, baseDN: dc=x,"
                        + " bindDN: cn=svc, bindPasswordSecretRef: {name: b, key: p}}}", "startTLS applies"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'http://dc', baseDN: dc=x, bindDN: cn=svc,"
                        + " bindPasswordSecretRef: {name: b, key: p}}}", "spec.identity.ldap.url"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'ldaps://dc', baseDN: dc=x,"
                        + " bindPasswordSecretRef: {name: b, key: p}}}", "spec.identity.ldap.bindDN"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'ldaps://dc', baseDN: dc=x, bindDN: cn=svc}}",
                        "spec.identity.ldap.bindPasswordSecretRef"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'ldaps://dc', baseDN: dc=x, bindDN: cn=svc,"
                        + " bindPasswordSecretRef: {name: b}}}", "identity.ldap.bindPasswordSecretRef needs both"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'ldaps://dc', baseDN: dc=x, bindDN: cn=svc,"
                        + " bindPasswordSecretRef: {name: b, key: p}, caSecretRef: {name: ca, key: ca.crt},"
                        + " insecureSkipVerify: true}}", "exclude each other"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'ldaps://dc', baseDN: dc=x, bindDN: cn=svc,"
                        + " bindPasswordSecretRef: {name: b, key: p}, userAttr: 'bad attr'}}",
                        "spec.identity.ldap.userAttr"),
                Arguments.of(VALID_STORAGE + ", identity: {ldap: {url: 'ldaps://dc', baseDN: dc=x, bindDN: cn=svc,"
                        + " bindPasswordSecretRef: {name: b, key: p}, idmap: sid}}", "spec.identity.ldap.idmap"),
                Arguments.of(VALID_STORAGE + ", terminationGracePeriodSeconds: -5",
                        "spec.terminationGracePeriodSeconds"),
                Arguments.of(VALID_STORAGE + ", terminationGracePeriodSeconds: 4",
                        "spec.terminationGracePeriodSeconds"),
                // types
                Arguments.of(VALID_STORAGE + ", replicas: one", "spec.replicas"),
                Arguments.of(VALID_STORAGE + ", nfs: {port: '2049'}", "spec.nfs.port"),
                Arguments.of(VALID_STORAGE + ", smb: {enabled: maybe}", "spec.smb.enabled"),
                Arguments.of(VALID_STORAGE + ", shares: /export", "spec.shares"),
                Arguments.of(VALID_STORAGE + ", metrics: true", "spec.metrics"),
                Arguments.of("storage: {metadataSize: 10}", "spec.storage.metadataSize"),
                // ranges and sizes
                Arguments.of(VALID_STORAGE + ", controlPlane: {port: 65536}", "spec.controlPlane.port"),
                Arguments.of(VALID_STORAGE + ", percona: {enabled: true, replicas: 6}", "spec.percona.replicas"),
                Arguments.of(VALID_STORAGE + ", percona: {postgresVersion: 11}", "spec.percona.postgresVersion"),
                Arguments.of(VALID_STORAGE + ", percona: {backup: {retentionDays: 0}}",
                        "spec.percona.backup.retentionDays"),
                Arguments.of(VALID_STORAGE + ", shares: [" + shares(33) + "]", "spec.shares"),
                // quantities
                Arguments.of("storage: {metadataSize: 10Gi, cacheSize: 1.5.5Gi}", "spec.storage.cacheSize"),
                Arguments.of("storage: {metadataSize: '１０Gi'}", "spec.storage.metadataSize"),
                Arguments.of(VALID_STORAGE + ", percona: {storageSize: 10gb}", "spec.percona.storageSize"),
                // enums
                Arguments.of(VALID_STORAGE + ", shares: [{name: /a, defaultPermission: write}]",
                        "spec.shares[0].defaultPermission"),
                Arguments.of(VALID_STORAGE + ", service: {type: clusterip}", "spec.service.type"),
                // cross-field rules
                Arguments.of(VALID_STORAGE + ", shares: [{name: /a, remote: true}]", "shares[].remote needs spec.s3"),
                Arguments.of(VALID_STORAGE + ", shares: [{name: /a}, {name: /a}]", "shares names must be unique"),
                Arguments.of(VALID_STORAGE + ", percona: {enabled: true}, database: {type: postgres,"
                        + " postgresSecretRef: {name: pg}}", "percona.enabled"),
                Arguments.of(VALID_STORAGE + ", percona: {backup: {enabled: true}}", "percona.backup.bucket"),
                Arguments.of(VALID_STORAGE + ", metrics: {enabled: true, port: 8080}",
                        "metrics.port and controlPlane.port must differ"),
                Arguments.of(VALID_STORAGE + ", controlPlane: {port: 12049}", "controlPlane.port and metrics.port"),
                Arguments.of(VALID_STORAGE + ", metrics: {enabled: true, port: 1445}", "controlPlane.port and metrics.port"),
                Arguments.of(VALID_STORAGE + ", metrics: {serviceMonitor: {enabled: true}}",
                        "metrics.serviceMonitor.enabled needs metrics.enabled"),
                Arguments.of(VALID_STORAGE + ", metrics: {enabled: true, serviceMonitor: {enabled: true, interval: 30}}",
                        "spec.metrics.serviceMonitor.interval"),
                Arguments.of(VALID_STORAGE + ", networkPolicy: {enabled: true, fileClients: [{ipBlock: {}}]}",
                        "spec.networkPolicy.fileClients[0].ipBlock.cidr: Required value"),
                Arguments.of(VALID_STORAGE + ", networkPolicy: {apiClients: [{ipBlock: {cidr: 10.0.0.0/8},"
                        + " podSelector: {}}]}", "each peer is either an ipBlock with a cidr"),
                Arguments.of(VALID_STORAGE + ", networkPolicy: {metricsClients: [{}]}",
                        "spec.networkPolicy.metricsClients"),
                Arguments.of(VALID_STORAGE + ", nfs: {udp: {enabled: true}}",
                        "nfs.udp.enabled needs nfs.portmapper.enabled"),
                Arguments.of(VALID_STORAGE + ", nfs: {port: 111, portmapper: {enabled: true}}",
                        "nfs.portmapper.enabled puts ports 111 and 12049"),
                Arguments.of(VALID_STORAGE + ", nfs: {portmapper: {enabled: true}}, smb: {port: 12049}",
                        "smb.port not 12049"),
                Arguments.of(VALID_STORAGE + ", nfs: {portmapper: {enabled: true}}, controlPlane: {port: 10111}",
                        "controlPlane.port and metrics.port not 10111"),
                Arguments.of(VALID_STORAGE + ", nfs: {portmapper: {enabled: yes}}", "spec.nfs.portmapper.enabled"),
                Arguments.of(VALID_STORAGE + ", identity: {jwt: {accessTokenDuration: 15 minutes}}",
                        "spec.identity.jwt.accessTokenDuration"),
                Arguments.of(VALID_STORAGE + ", identity: {jwt: {accessTokenDuration: 30s}}",
                        "identity.jwt.accessTokenDuration must be at least 1m"),
                Arguments.of(VALID_STORAGE + ", identity: {jwt: {accessTokenDuration: 2h, refreshTokenDuration: 1h}}",
                        "identity.jwt.refreshTokenDuration must be longer than accessTokenDuration"),
                Arguments.of(VALID_STORAGE + ", identity: {jwt: {accessTokenDuration: 200h}}",
                        "identity.jwt.refreshTokenDuration must be longer than accessTokenDuration"),
                Arguments.of(VALID_STORAGE + ", identity: {jwt: {refreshTokenDuration: 10m}}",
                        "identity.jwt.refreshTokenDuration must be longer than accessTokenDuration"),
                Arguments.of(VALID_STORAGE + ", identity: {admin: {username: root}}",
                        "identity.admin.username can only be admin"),
                Arguments.of(VALID_STORAGE + ", metrics: {enabled: true, path: metrics}", "spec.metrics.path"),
                Arguments.of(VALID_STORAGE + ", metrics: {enabled: true, path: '/a b'}", "spec.metrics.path"),
                Arguments.of(VALID_STORAGE + ", metrics: {bearerTokenSecret: {name: t, key: token}}",
                        "metrics.bearerTokenSecret needs metrics.enabled"),
                Arguments.of(VALID_STORAGE + ", metrics: {enabled: true, bearerTokenSecret: {name: t}}",
                        "metrics.bearerTokenSecret needs both name and key"),
                Arguments.of(VALID_STORAGE + ", logging: {output: /tmp/dfs.log}",
                        "logging.output is stdout, stderr or a file in /var/log/dittofs"),
                Arguments.of(VALID_STORAGE + ", logging: {output: /var/log/dittofs/..}",
                        "logging.output is stdout, stderr or a file in /var/log/dittofs"),
                Arguments.of(VALID_STORAGE + ", logging: {output: syslog}", "spec.logging.output"),
                Arguments.of(VALID_STORAGE + ", controlPlane: {tls: {mode: Disabled, clientAuth: {}}}",
                        "clientAuth needs HTTPS"),
                Arguments.of(VALID_STORAGE + ", controlPlane: {tls: {clientAuth: {caSecretRef: {name: ca, key: ca.crt}}}}",
                        "caSecretRef needs operatorCertificateSecretName"),
                Arguments.of(VALID_STORAGE + ", controlPlane: {tls: {clientAuth: {caSecretRef: {name: ca},"
                        + " operatorCertificateSecretName: client}}}", "caSecretRef needs both name and key"),
                // huge strings
                Arguments.of(VALID_STORAGE + ", image: 'dittofs:" + "v".repeat(100_000) + "'", "spec.image"),
                Arguments.of(VALID_STORAGE + ", shares: [{name: '/" + "e".repeat(100_000) + "'}]",
                        "spec.shares[0].name"),
                Arguments.of("storage: {metadataSize: 10Gi, storageClassName: '" + "s".repeat(100_000) + "'}",
                        "spec.storage.storageClassName"),
                Arguments.of(VALID_STORAGE + ", s3: {bucket: b12, region: '" + "r".repeat(100_000)
                        + "', credentialsSecretRef: {name: s3}}", "spec.s3.region"),
                // unicode
                Arguments.of(VALID_STORAGE + ", shares: [{name: /exporté}]", "spec.shares[0].name"),
                Arguments.of(VALID_STORAGE + ", s3: {bucket: bücket, credentialsSecretRef: {name: s3}}", "spec.s3.bucket"),
                Arguments.of(VALID_STORAGE + ", percona: {databaseName: dittofs_données}", "spec.percona.databaseName"),
                // what the objects derived from the spec would not admit
                Arguments.of("storage: {metadataSize: 10Gi, storageClassName: Fast_SSD}", "spec.storage.storageClassName"),
                Arguments.of(VALID_STORAGE + ", priorityClassName: 'high priority'", "spec.priorityClassName"),
                Arguments.of(VALID_STORAGE + ", service: {type: LoadBalancer, loadBalancerIP: 10.0.0.256}",
                        "spec.service.loadBalancerIP"),
                Arguments.of(VALID_STORAGE + ", s3: {bucket: b12, credentialsSecretRef: {name: S3_Creds}}",
                        "spec.s3.credentialsSecretRef.name"),
                Arguments.of(VALID_STORAGE + ", s3: {bucket: b12, credentialsSecretRef: {name: s3,"
                        + " accessKeyIdKey: 'access key'}}", "spec.s3.credentialsSecretRef.accessKeyIdKey"),
                Arguments.of(VALID_STORAGE + ", percona: {backup: {endpoint: 'https://minio:9000'}}",
                        "spec.percona.backup.endpoint"),
                Arguments.of(VALID_STORAGE + ", percona: {backup: {fullSchedule: daily}}",
                        "spec.percona.backup.fullSchedule"));
    }

    private static String shares(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{name: /s" + i + "}").collect(Collectors.joining(", "));
    }

    /** Names the apiserver itself admits (DNS subdomains) but whose derived object names Kubernetes would refuse. */
    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("n".repeat(Names.MAX_NAME_LENGTH + 1), VALID_STORAGE, "metadata.name must be at most 52"),
                Arguments.of("n".repeat(62), VALID_STORAGE, "metadata.name must be at most 52"),
                Arguments.of("1server", VALID_STORAGE, "metadata.name must start with a lowercase letter"),
                Arguments.of("my.server", VALID_STORAGE, "metadata.name must start with a lowercase letter"),
                Arguments.of("p".repeat(Names.MAX_NAME_LENGTH_WITH_PERCONA + 1), VALID_STORAGE
                        + ", percona: {enabled: true}", "metadata.name must be at most 34 characters with"
                        + " spec.percona.enabled"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidNames")
    void nameWhoseDerivedNamesKubernetesRefusesIsRejected(String name, String spec, String message) {
        KubernetesClientException error = reject(server(name, spec));
        assertThat(error).as("accepted: " + name).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(message);
    }

    /** Changes the apiserver refuses on an existing DittoServer: name, spec at creation, spec of the update. */
    static Stream<Arguments> immutableChanges() {
        return Stream.of(
                Arguments.of("content-removed", "storage: {metadataSize: 1Gi, contentSize: 1Gi}, replicas: 0",
                        "storage: {metadataSize: 1Gi}, replicas: 0", "storage.contentSize cannot be added or removed"),
                Arguments.of("class-added", "storage: {metadataSize: 1Gi}, replicas: 0",
                        "storage: {metadataSize: 1Gi, storageClassName: standard}, replicas: 0",
                        "storage.storageClassName is immutable"),
                Arguments.of("db-renamed", "storage: {metadataSize: 1Gi}, replicas: 0, percona: {databaseName: a}",
                        "storage: {metadataSize: 1Gi}, replicas: 0, percona: {databaseName: b}",
                        "percona.databaseName is immutable"),
                Arguments.of("pg-class", "storage: {metadataSize: 1Gi}, replicas: 0, percona: {storageClassName: a}",
                        "storage: {metadataSize: 1Gi}, replicas: 0, percona: {storageClassName: b}",
                        "percona.storageClassName is immutable"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("immutableChanges")
    void immutableFieldChangeIsRejected(String name, String before, String after, String message) {
        admin.resource(server(name, before)).create();
        KubernetesClientException error = rejectUpdate(server(name, after));
        assertThat(error).as("update accepted: " + after).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(message);
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

    /** The update's rejection; a 409 (the operator's status write raced the update) is retried. */
    private static KubernetesClientException rejectUpdate(GenericKubernetesResource resource) {
        AtomicReference<KubernetesClientException> error = new AtomicReference<>();
        await().atMost(TIMEOUT).until(() -> {
            error.set(catchThrowableOfType(KubernetesClientException.class, () -> admin.resource(resource).update()));
            return error.get() == null || error.get().getCode() != 409;
        });
        return error.get();
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
        var error = rejectUpdate(server("immutable-class", "storage: {metadataSize: 1Gi, storageClassName: fast}"));
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("storage.storageClassName is immutable");
    }

    @Test
    void contentVolumeCannotBeAddedLater() {
        admin.resource(server("no-content", "storage: {metadataSize: 1Gi}, replicas: 0")).create();
        var error = rejectUpdate(server("no-content", "storage: {metadataSize: 1Gi, contentSize: 1Gi}, replicas: 0"));
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("storage.contentSize cannot be added or removed");
    }

    /** The counterpart of the cases above: the values those rules are about, admitted. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "nfs: {portmapper: {enabled: true}, udp: {enabled: true}}",
            "nfs: {port: 12049, portmapper: {enabled: true}}",
            "nfs: {enabled: false}, smb: {port: 111}",
            "identity: {admin: {username: admin}, jwt: {accessTokenDuration: 1h30m, refreshTokenDuration: 720h}}",
            "identity: {jwt: {accessTokenDuration: 200h, refreshTokenDuration: 400h}}",
            "metrics: {enabled: true, path: /prom/metrics, bearerTokenSecret: {name: t, key: token}}",
            "logging: {output: stderr}",
            "logging: {output: /var/log/dittofs/dfs.log}",
            "controlPlane: {tls: {clientAuth: {}}}",
            "controlPlane: {tls: {secretName: api, clientAuth: {caSecretRef: {name: ca, key: ca.crt},"
                    + " operatorCertificateSecretName: client}}}"})
    void validSpecIsAdmitted(String spec) {
        assertThat(admin.resource(server("valid", VALID_STORAGE + ", " + spec)).dryRun().create()).isNotNull();
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
