package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.testing.FreePorts;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Every shipped sample, as the operator would run it, against the real dfs. A sample whose database is external
 * (postgres, Percona) gets a throwaway PostgreSQL, and the connection Secret it references is written the way its
 * producer writes it (the user for postgres, the Percona operator for Percona), keyed exactly as the env wiring asks.
 */
@Tag("contract")
class SampleContractIT {

    private static final String POSTGRES_ENV = "DITTOFS_DATABASE_POSTGRES_";
    private static Postgres database;
    private static int databases;
    private DfsProcess dfs;

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs", "samples"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @AfterEach
    void stop() {
        if (dfs != null) {
            dfs.stop();
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleServes(String sample) {
        DittoServer server = Fixtures.sample(sample);
        Map<String, Secret> secrets = OperatorInputs.sampleSecrets(sample, server);
        boolean postgres = "postgres".equals(DfsConfigRenderer.model(server.getSpec()).database().type());
        if (postgres) {
            secrets.putAll(databaseSecrets(server, secrets));
        }
        OperatorInputs inputs = OperatorInputs.of(server, secrets);
        boolean metrics = server.getSpec().getMetrics().getEnabled();
        // the sample's ports (8080, 9090) may be taken on a dev machine: override them, keep everything else
        dfs = inputs.start(sample.replace(".yaml", ""),
                DfsProcess.loopback(FreePorts.next(), metrics ? FreePorts.next() : null));

        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(server.getSpec()));

        if (postgres) {
            assertThat(dfs.hostPath(Names.METADATA_DIR)).as("no sqlite database").isEmptyDirectory();
        }
        assertThat(dfs.stop()).as("exit code after SIGTERM").isZero();
        assertThat(dfs.stdout()).contains("Server stopped gracefully");
    }

    /**
     * For each database Secret the pod reads but the sample does not ship: a fresh database and user, and a Secret
     * with the first key each binding accepts (so "dbname" for Percona, "database" for postgres). No sslmode key:
     * the rendered default applies, and the throwaway server speaks TLS.
     */
    private static Map<String, Secret> databaseSecrets(DittoServer server, Map<String, Secret> existing) {
        Map<String, Map<String, String>> connections = new HashMap<>();
        Map<String, Map<String, String>> data = new HashMap<>();
        PodEnvironment.secretBindings(server).stream()
                .filter(b -> !b.mounted() && b.env().startsWith(POSTGRES_ENV) && !existing.containsKey(b.secret()))
                .forEach(binding -> {
                    Map<String, String> connection = connections.computeIfAbsent(binding.secret(), n -> newDatabase());
                    String value = connection.get(binding.env().substring(POSTGRES_ENV.length()));
                    if (value != null) {
                        data.computeIfAbsent(binding.secret(), n -> new HashMap<>()).put(binding.keys().get(0), value);
                    }
                });
        Map<String, Secret> secrets = new HashMap<>();
        data.forEach((name, values) -> secrets.put(name, Fixtures.secret(name, values)));
        return secrets;
    }

    /** Connection values by env suffix (HOST, PORT, ...), for a new database. */
    private static Map<String, String> newDatabase() {
        if (database == null) {
            database = Postgres.start();
        }
        String name = "sample" + (++databases);
        database.createDatabase(name, name, name + "-password");
        Map<String, String> values = new HashMap<>();
        values.put("HOST", database.host());
        values.put("PORT", Integer.toString(database.port()));
        values.put("DATABASE", name);
        values.put("USER", name);
        values.put("PASSWORD", name + "-password");
        return values;
    }
}
