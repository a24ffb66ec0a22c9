package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.fixtures.PerconaFixtures;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.testing.FreePorts;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * spec.percona.enabled against the real dfs and a real PostgreSQL prepared the way the Percona operator prepares a
 * user of {@code spec.users}: the database belongs to the superuser, the user has ALL PRIVILEGES on it and, with
 * {@code autoCreateUserSchema}, a schema of its own (PostgreSQL 15+ gives ordinary users no CREATE on public). The
 * connection reaches dfs only through the Percona-format user Secret ({@code dbname}, no {@code sslmode}), wired
 * exactly as the operator wires it: dfs must keep its whole control plane in that database, over TLS.
 */
@Tag("contract")
class PerconaContractIT extends WithPostgres {

    private static final String PASSWORD = "Qm7tR2vX9pLk4sWz8bNc1dYe"; // the AlphaNumeric kind Percona generates
    /** What Percona (Crunchy PGO underneath) runs for users: [{name: dittofs, databases: [db]}] + autoCreateUserSchema. */
    private static void createPerconaUser(String database, String user, String password) {
        postgres.psql("postgres", "CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password + "'");
        postgres.psql("postgres", "CREATE DATABASE \"" + database + "\"");
        postgres.psql("postgres", "GRANT ALL PRIVILEGES ON DATABASE \"" + database + "\" TO \"" + user + "\"");
        // Explicit, so the test holds on PostgreSQL < 15 too.
        postgres.psql(database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        postgres.psql(database, "CREATE SCHEMA IF NOT EXISTS \"" + user + "\" AUTHORIZATION \"" + user + "\"");
    }

    /** The user Secret as Percona writes it, pointing at the throwaway server. */
    private static Secret userSecret(DittoServer server, String database) {
        String host = postgres.host();
        String port = Integer.toString(postgres.port());
        return Fixtures.secret(Names.perconaUserSecret(server), Map.of(
                "host", host,
                "port", port,
                "dbname", database,
                "user", Names.PERCONA_USER,
                "password", PASSWORD,
                "uri", "postgresql://" + Names.PERCONA_USER + ":" + PASSWORD + "@" + host + ":" + port + "/" + database,
                "jdbc-uri", "jdbc:postgresql://" + host + ":" + port + "/" + database + "?password=" + PASSWORD
                        + "&user=" + Names.PERCONA_USER,
                "verifier", "SCRAM-SHA-256$4096:not-used-by-dfs"));
    }

    @Test
    void dfsKeepsItsControlPlaneInThePerconaDatabaseOverTls() {
        DittoServer server = PerconaFixtures.server();
        String database = server.getSpec().getPercona().getDatabaseName();
        createPerconaUser(database, Names.PERCONA_USER, PASSWORD);

        Map<String, Secret> secrets = OperatorInputs.sampleSecrets(PerconaFixtures.SAMPLE, server);
        secrets.put(Names.perconaUserSecret(server), userSecret(server, database));
        OperatorInputs inputs = OperatorInputs.of(server, secrets);
        assertThat(inputs.env()).containsEntry("DITTOFS_DATABASE_POSTGRES_DATABASE", database)
                .containsEntry("DITTOFS_DATABASE_POSTGRES_USER", Names.PERCONA_USER)
                .doesNotContainKey("DITTOFS_DATABASE_POSTGRES_SSLMODE")
                .doesNotContainKey("DITTOFS_DATABASE_POSTGRES_DBNAME");

        dfs = inputs.start("percona", DfsProcess.loopback(FreePorts.next(), null));
        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(server.getSpec()));

        assertThat(postgres.psql(database, "SELECT username, role, must_change_password FROM dittofs.users"))
                .as("the admin dfs created, in the user's schema").isEqualTo("admin|admin|f");
        assertThat(postgres.psql(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'dittofs'"
                + " AND tableowner = 'dittofs' ORDER BY tablename").lines())
                .contains("adapters", "block_store_configs", "metadata_stores", "shares", "users");
        assertThat(postgres.psql(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .isEqualTo("0");
        assertThat(postgres.psql("postgres", "SELECT count(*), bool_and(s.ssl) FROM pg_stat_ssl s"
                + " JOIN pg_stat_activity a USING (pid) WHERE a.usename = 'dittofs'"))
                .as("dfs's connections (count|all TLS): sslmode require, as rendered").matches("[1-9][0-9]*\\|t");
        try (Stream<java.nio.file.Path> files = Files.walk(dfs.root())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no sqlite control-plane database anywhere").noneMatch(f -> f.endsWith(".db"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(dfs.hostPath(Names.METADATA_DIR)).isEmptyDirectory();

        // A restarted pod (new volumes would not matter) finds everything in PostgreSQL.
        dfs.restart();
        ServerContract.login(dfs, inputs.adminPassword());
        assertThat(postgres.psql(database, "SELECT count(*) FROM dittofs.users WHERE username = 'admin'"))
                .isEqualTo("1");
    }
}
