package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.DatabaseType;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.testing.FreePorts;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;

/** database.type postgres: dfs keeps its control plane in the database the Secret describes, and nowhere else. */
@Tag("contract")
class PostgresContractIT extends WithPostgres {

    /** The format the CRD documents: host, port, database, user, password, sslmode. */
    @Test
    void documentedSecretFormat() {
        postgres.createDatabase("dittofs", "dittofs", "dfs 'Pass' w0rd!");
        Secret secret = Fixtures.secret("pg-conn", Map.of("host", postgres.host(),
                "port", Integer.toString(postgres.port()), "database", "dittofs", "user", "dittofs",
                "password", "dfs 'Pass' w0rd!", "sslmode", "disable"));

        OperatorInputs inputs = inputs(secret);
        dfs = inputs.start("postgres", DfsProcess.loopback(FreePorts.next(), null));

        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(inputs.server().getSpec()));
        assertControlPlaneIn("dittofs", "dittofs");
    }

    /**
     * A Percona pguser Secret (host, port, dbname, user, password, uri; no sslmode): dbname must reach dfs as the
     * database, and the rendered sslmode default (require) must hold, so dfs talks TLS.
     */
    @Test
    void perconaUserSecret() {
        postgres.createDatabase("percona_db", "percona_user", "percona-pw-123");
        Secret secret = Fixtures.secret("cluster1-pguser-percona-user", Map.of("host", postgres.host(),
                "port", Integer.toString(postgres.port()), "dbname", "percona_db", "user", "percona_user",
                "password", "percona-pw-123", "uri", "postgresql://percona_user:percona-pw-123@" + postgres.host()
                        + ":" + postgres.port() + "/percona_db"));

        OperatorInputs inputs = inputs(secret);
        dfs = inputs.start("postgres-percona", DfsProcess.loopback(FreePorts.next(), null));

        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(inputs.server().getSpec()));
        assertControlPlaneIn("percona_db", "percona_user");
        assertThat(postgres.psql("postgres", "SELECT count(*), bool_and(s.ssl) FROM pg_stat_ssl s"
                + " JOIN pg_stat_activity a USING (pid) WHERE a.usename = 'percona_user'"))
                .as("dfs's connections (count|all TLS)").matches("[1-9][0-9]*\\|t");
    }

    private static OperatorInputs inputs(Secret postgresSecret) {
        DittoServer server = Fixtures.basic();
        server.getSpec().getDatabase().setType(DatabaseType.POSTGRES);
        server.getSpec().getDatabase().setPostgresSecretRef(
                new LocalObjectReference(postgresSecret.getMetadata().getName()));
        Map<String, Secret> secrets = new HashMap<>(Fixtures.generatedSecrets(server));
        secrets.put(postgresSecret.getMetadata().getName(), postgresSecret);
        return OperatorInputs.of(server, secrets);
    }

    private void assertControlPlaneIn(String database, String user) {
        assertThat(postgres.psql(database, "SELECT username, role, must_change_password FROM users"))
                .as("users dfs created").isEqualTo("admin|admin|f");
        assertThat(postgres.psql(database, "SELECT type, port, enabled FROM adapters ORDER BY type"))
                .isEqualTo("nfs|12049|t\nsmb|1445|t");
        assertThat(postgres.psql(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tableowner = '" + user + "' ORDER BY tablename").lines())
                .as("tables dfs created as " + user)
                .contains("adapters", "block_store_configs", "metadata_stores", "shares", "users",
                        "user_share_permissions");
        try (Stream<java.nio.file.Path> files = Files.walk(dfs.root())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no sqlite control-plane database anywhere").noneMatch(f -> f.endsWith(".db"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(dfs.hostPath(Names.METADATA_DIR)).isEmptyDirectory();
    }
}
