package com.dittofs.operator.contract;

import com.dittofs.operator.testing.FreePorts;
import com.dittofs.operator.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster from the Debian server packages (apt-get install -y postgresql), on 127.0.0.1 and a
 * random port, in a temporary directory, with TLS on (a self-signed certificate, so sslmode=require works and
 * sslmode=disable too). As root it runs as the postgres user, which is what PostgreSQL insists on.
 */
final class Postgres implements AutoCloseable {

    private static final String SUPERUSER_PASSWORD = "contract-superuser";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private Postgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Starts a cluster, or aborts the calling test when the PostgreSQL server is not installed. */
    static Postgres start() {
        Optional<Path> bin = serverBinaries();
        Assumptions.assumeTrue(bin.isPresent(),
                "PostgreSQL server not installed (apt-get install -y postgresql); skipping the postgres contract");
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("dittofs-contract-pg-");
            Postgres pg = new Postgres(bin.get(), dir, FreePorts.next(), root);
            pg.init();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return port;
    }

    /** A login role owning a fresh database. */
    void createDatabase(String database, String user, String password) {
        psql("postgres", "CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        psql("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
    }

    /** Runs SQL as the superuser; returns unaligned, tuples-only output ("a|b" per row). */
    String psql(String database, String sql) {
        return run(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1", "-At", "-h", host(), "-p", Integer.toString(port),
                "-U", "postgres", "-d", database, "-c", sql), Map.of("PGPASSWORD", SUPERUSER_PASSWORD,
                        "PGSSLMODE", "disable"), false).strip();
    }

    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"),
                    Map.of(), asPostgresUser);
        } finally {
            deleteTree(dir);
        }
    }

    private void init() throws IOException {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, SUPERUSER_PASSWORD);
        // the server refuses a key that others can read
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.crt").toString()),
                Map.of(), false);
        run(List.of("chmod", "-R", "go-rwx", dir.toString()), Map.of(), false);
        if (asPostgresUser) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), Map.of(), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-A", "scram-sha-256", "-U",
                "postgres", "--pwfile=" + pw, "--no-sync"), Map.of(), asPostgresUser);
        String options = String.join(" ", "-c listen_addresses=127.0.0.1", "-c port=" + port,
                "-c unix_socket_directories=" + dir, "-c fsync=off", "-c ssl=on",
                "-c ssl_cert_file=" + dir.resolve("server.crt"), "-c ssl_key_file=" + dir.resolve("server.key"));
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("log").toString(),
                "-o", options, "-w", "-t", "60", "start"), Map.of(), asPostgresUser);
    }

    private Path data() {
        return dir.resolve("data");
    }

    private String run(List<String> command, Map<String, String> env, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Proc.Result result = Proc.run(full, dir, env, null, Duration.ofSeconds(120));
        if (!result.ok()) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + result.output() + logTail());
        }
        return result.out();
    }

    private String logTail() {
        try {
            Path log = dir.resolve("log");
            return Files.exists(log) ? "\n--- postgres log ---\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** bin/ of the newest installed PostgreSQL server (Debian: /usr/lib/postgresql/NN/bin). */
    private static Optional<Path> serverBinaries() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
