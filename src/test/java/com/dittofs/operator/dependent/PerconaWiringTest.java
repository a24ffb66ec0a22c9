package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.fixtures.PerconaFixtures;
import com.percona.pgv2.v2.PerconaPGCluster;
import com.percona.pgv2.v2.PerconaPGClusterStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** percona.enabled: dfs renders postgres and reads its connection from the Percona user Secret; when it may start. */
class PerconaWiringTest {

    private static PerconaPGCluster cluster(String state) {
        PerconaPGCluster cluster = PerconaClusterDependent.build(PerconaFixtures.server());
        if (state != null) {
            cluster.setStatus(new PerconaPGClusterStatus());
            cluster.getStatus().setState(state);
        }
        return cluster;
    }

    private static DatabaseReadiness readiness(boolean installed, PerconaPGCluster cluster, Secret secret) {
        return DatabaseReadiness.evaluate(PerconaFixtures.server(), installed, Optional.ofNullable(cluster),
                Optional.ofNullable(secret));
    }

    @Test
    void configRendersPostgresWithNonSecretDefaultsOnly() {
        var database = DfsConfigRenderer.model(PerconaFixtures.server().getSpec()).database();
        assertThat(database.type()).isEqualTo("postgres");
        assertThat(database.sqlite()).isNull();
        assertThat(database.postgres().port()).isEqualTo(5432);
        assertThat(database.postgres().sslmode()).as("Percona serves TLS by default").isEqualTo("require");
        assertThat(DfsConfigRenderer.render(PerconaFixtures.server().getSpec()))
                .contains("type: postgres").doesNotContain("password").doesNotContain("sqlite");
    }

    @Test
    void connectionComesFromTheUserSecretWithDbnameAsTheDatabase() {
        DittoServer server = PerconaFixtures.server();
        Secret user = PerconaFixtures.userSecret(server, "s3cr3tAlphaNum");
        StatefulSet sts = StatefulSetDependent.build(server, Fixtures.inputs(server, user), Optional.empty());
        List<EnvVar> env = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        Map<String, String> keyOf = new java.util.TreeMap<>();
        env.stream().filter(e -> e.getName().startsWith("DITTOFS_DATABASE_POSTGRES_")).forEach(e -> {
            assertThat(e.getValue()).as("no secret value inlined").isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("my-dittofs-pg-db-pguser-dittofs");
            keyOf.put(e.getName(), e.getValueFrom().getSecretKeyRef().getKey());
        });
        assertThat(keyOf).isEqualTo(Map.of(
                "DITTOFS_DATABASE_POSTGRES_HOST", "host",
                "DITTOFS_DATABASE_POSTGRES_PORT", "port",
                "DITTOFS_DATABASE_POSTGRES_DATABASE", "dbname",
                "DITTOFS_DATABASE_POSTGRES_USER", "user",
                "DITTOFS_DATABASE_POSTGRES_PASSWORD", "password"));
        assertThat(PodEnvironment.userSecretNames(server))
                .as("the user Secret is a referenced Secret: watched, and hashed into the pod template")
                .contains("my-dittofs-pg-db-pguser-dittofs");
    }

    @Test
    void rotatingThePerconaPasswordChangesThePodInputs() {
        DittoServer server = PerconaFixtures.server();
        String before = Fixtures.inputs(server, PerconaFixtures.userSecret(server, "first")).hash();
        assertThat(Fixtures.inputs(server, PerconaFixtures.userSecret(server, "second")).hash()).isNotEqualTo(before);
    }

    @Test
    void aMissingUserSecretIsTheDatabasesBusinessNotAConfigProblem() {
        DittoServer server = PerconaFixtures.server();
        PodInputs inputs = Fixtures.inputs(server);
        assertThat(inputs.secrets().complete())
                .as("ConfigReady stays true while Percona creates the cluster and its Secret").isTrue();
        assertThat(inputs.secrets().resolved()).noneMatch(r -> r.binding().env() != null
                && r.binding().env().startsWith("DITTOFS_DATABASE"));
    }

    @Test
    void readinessFollowsTheClusterThenTheSecret() {
        DittoServer server = PerconaFixtures.server();
        Secret secret = PerconaFixtures.userSecret(server, "pw");

        assertThat(readiness(false, null, null)).satisfies(r -> {
            assertThat(r.ready()).isFalse();
            assertThat(r.reason()).isEqualTo("PerconaNotInstalled");
            assertThat(r.message()).contains("perconapgclusters.pgv2.percona.com");
        });
        assertThat(readiness(true, null, null).reason()).isEqualTo("ClusterCreating");
        assertThat(readiness(true, cluster(null), secret).reason()).isEqualTo("ClusterCreating");
        assertThat(readiness(true, cluster("initializing"), secret)).satisfies(r -> {
            assertThat(r.reason()).isEqualTo("ClusterCreating");
            assertThat(r.message()).contains("my-dittofs-pg-db").contains("initializing");
        });
        assertThat(readiness(true, cluster("paused"), secret)).satisfies(r -> {
            assertThat(r.ready()).isFalse();
            assertThat(r.reason()).isEqualTo("ClusterNotReady");
            assertThat(r.message()).contains("paused");
        });
        assertThat(readiness(true, cluster("ready"), null)).satisfies(r -> {
            assertThat(r.ready()).isFalse();
            assertThat(r.reason()).isEqualTo("SecretMissing");
            assertThat(r.message()).contains("my-dittofs-pg-db-pguser-dittofs").contains("not found");
            assertThat(r.needsRecheck()).as("no event announces an unlabelled Secret").isTrue();
        });
        Secret noPassword = PerconaFixtures.userSecret(server, "pw");
        noPassword.getData().remove("password");
        assertThat(readiness(true, cluster("ready"), noPassword).message()).contains("has no key \"password\"");
        assertThat(readiness(true, cluster("ready"), secret)).satisfies(r -> {
            assertThat(r.ready()).isTrue();
            assertThat(r.reason()).isEqualTo("ClusterReady");
            assertThat(r.needsRecheck()).isFalse();
        });
    }
}
