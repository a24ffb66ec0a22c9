package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaBackupSpec;
import com.dittofs.operator.fixtures.PerconaFixtures;
import com.percona.pgv2.v2.PerconaPGCluster;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

class PerconaClusterDependentTest {

    /** The spec as the apiserver receives it (the generated types, serialised). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(PerconaPGCluster cluster) {
        return Serialization.unmarshal(Serialization.asJson(cluster.getSpec()), Map.class);
    }

    @Test
    void sampleRendersALabelledUnownedClusterWithOneUserOwningASchema() {
        PerconaPGCluster cluster = PerconaClusterDependent.build(PerconaFixtures.server());
        assertThat(cluster.getApiVersion()).isEqualTo("pgv2.percona.com/v2");
        assertThat(cluster.getKind()).isEqualTo("PerconaPGCluster");
        assertThat(cluster.getMetadata().getName()).isEqualTo("my-dittofs-pg-db");
        assertThat(cluster.getMetadata().getNamespace()).isEqualTo("files");
        assertThat(cluster.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "dittofs")
                .containsEntry("app.kubernetes.io/instance", "my-dittofs-pg")
                .containsEntry("app.kubernetes.io/component", "database")
                .containsEntry("app.kubernetes.io/managed-by", "dittofs-operator");
        assertThat(cluster.getMetadata().getOwnerReferences())
                .as("deleteWithServer false: garbage collection must never take the database").isEmpty();

        Map<String, Object> spec = spec(cluster);
        assertThat(spec).containsEntry("postgresVersion", 16).containsEntry("autoCreateUserSchema", true);
        assertThat(spec.get("instances")).isEqualTo(List.of(Map.of(
                "name", "instance1",
                "replicas", 2,
                "dataVolumeClaimSpec", Map.of(
                        "accessModes", List.of("ReadWriteOnce"),
                        "resources", Map.of("requests", Map.of("storage", "20Gi"))))));
        assertThat(spec.get("users")).isEqualTo(List.of(Map.of(
                "name", "dittofs",
                "databases", List.of("dittofs"),
                "password", Map.of("type", "AlphaNumeric"))));
    }

    @Test
    void backupsGoToS3WithRetentionAndSchedules() {
        PerconaPGCluster cluster = PerconaClusterDependent.build(PerconaFixtures.server());
        assertThat(spec(cluster).get("backups")).isEqualTo(Map.of(
                "enabled", true,
                "pgbackrest", Map.of(
                        "configuration", List.of(Map.of("secret", Map.of("name", "my-dittofs-pg-backup"))),
                        "global", Map.of(
                                "repo1-path", "/pgbackrest/files/my-dittofs-pg-db/repo1",
                                "repo1-retention-full", "14",
                                "repo1-retention-full-type", "time"),
                        "repos", List.of(Map.of(
                                "name", "repo1",
                                "s3", Map.of("bucket", "my-dittofs-pg-backups",
                                        "endpoint", "s3.eu-west-1.amazonaws.com", "region", "eu-west-1"),
                                "schedules", Map.of("full", "0 1 * * 0", "incremental", "0 1 * * 1-6"))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void s3CompatibleEndpointAndPathStyle() {
        DittoServer server = PerconaFixtures.server();
        PerconaBackupSpec backup = server.getSpec().getPercona().getBackup();
        backup.setEndpoint("minio.minio.svc:9000");
        backup.setForcePathStyle(true);
        backup.setRetentionDays(30);
        backup.setFullSchedule("30 2 * * 0");
        Map<String, Object> pgbackrest = (Map<String, Object>) ((Map<String, Object>) spec(
                PerconaClusterDependent.build(server)).get("backups")).get("pgbackrest");
        assertThat((Map<String, Object>) pgbackrest.get("global"))
                .containsEntry("repo1-s3-uri-style", "path")
                .containsEntry("repo1-retention-full", "30");
        Map<String, Object> repo = ((List<Map<String, Object>>) pgbackrest.get("repos")).get(0);
        assertThat(repo.get("s3")).isEqualTo(Map.of("bucket", "my-dittofs-pg-backups",
                "endpoint", "minio.minio.svc:9000", "region", "eu-west-1"));
        assertThat(repo.get("schedules")).isEqualTo(Map.of("full", "30 2 * * 0", "incremental", "0 1 * * 1-6"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutBackupsTheClusterHasNoRepository() {
        DittoServer server = PerconaFixtures.server();
        server.getSpec().getPercona().setBackup(null);
        server.getSpec().getPercona().setStorageClassName("fast");
        Map<String, Object> spec = spec(PerconaClusterDependent.build(server));
        assertThat(spec.get("backups")).isEqualTo(Map.of("enabled", false));
        Map<String, Object> claim = (Map<String, Object>) ((List<Map<String, Object>>) spec.get("instances")).get(0)
                .get("dataVolumeClaimSpec");
        assertThat(claim).containsEntry("storageClassName", "fast");

        server.getSpec().getPercona().setBackup(new PerconaBackupSpec()); // present but not enabled
        assertThat(spec(PerconaClusterDependent.build(server)).get("backups")).isEqualTo(Map.of("enabled", false));
    }

    @Test
    void deleteWithServerIsTheOwnerReference() {
        DittoServer server = PerconaFixtures.server();
        server.getSpec().getPercona().setDeleteWithServer(true);
        PerconaPGCluster cluster = PerconaClusterDependent.build(server);
        assertThat(cluster.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getUid()).isEqualTo("uid-1");
            assertThat(ref.getKind()).isEqualTo("DittoServer");
            assertThat(ref.getName()).isEqualTo("my-dittofs-pg");
        });
    }

    @Test
    void desiredIsPureAndSerialisesTheSameEveryTime() {
        DittoServer server = PerconaFixtures.server();
        String first = Serialization.asJson(PerconaClusterDependent.build(server));
        assertThat(Serialization.asJson(PerconaClusterDependent.build(server))).isEqualTo(first);
        assertThat(first).startsWith("{\"apiVersion\":\"pgv2.percona.com/v2\",\"kind\":\"PerconaPGCluster\"");
    }

    @Test
    void clustersMapToTheirServerByTheInstanceLabelNotByOwner() {
        PerconaPGCluster cluster = PerconaClusterDependent.build(PerconaFixtures.server());
        assertThat(new PerconaClusterDependent().toPrimaryResourceIDs(cluster))
                .containsExactly(new ResourceID("my-dittofs-pg", "files"));
        cluster.getMetadata().setLabels(Map.of());
        assertThat(new PerconaClusterDependent().toPrimaryResourceIDs(cluster)).isEmpty();
    }
}
