package com.dittofs.operator.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged operator (target/quarkus-app, prod profile: leader election on) as a process of its own, configured
 * like the operator under test ({@link OperatorUnderTest#operatorConfig}), for tests that kill, restart or duplicate
 * it. Its identity is the HOSTNAME it gets, as a pod's name would be (JOSDK's leader-election identity); output goes to
 * target/operator-IDENTITY.log, appended across restarts.
 */
public final class OperatorProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final String identity;
    private final Map<String, String> config;
    private final Path log;
    private Process process;
    private int starts;
    private boolean restartOnExit;

    private OperatorProcess(String identity, Map<String, String> config) {
        this.identity = identity;
        this.config = config;
        this.log = Path.of("target", "operator-" + identity + ".log").toAbsolutePath();
    }

    /** An operator against the cluster (not started yet); {@code apiServerUrl} replaces the cluster's, e.g. a proxy. */
    public static OperatorProcess of(ControlPlane cluster, String identity, String apiServerUrl) {
        Map<String, String> config = new HashMap<>(OperatorUnderTest.operatorConfig(cluster, false));
        config.put("quarkus.kubernetes-client.api-server-url", apiServerUrl);
        config.put("quarkus.http.port", String.valueOf(freePort()));
        return new OperatorProcess(identity, config);
    }

    public static OperatorProcess of(ControlPlane cluster, String identity) {
        return of(cluster, identity, cluster.apiServerUrl());
    }

    /** Replaces or adds configuration (system properties of the JVM), e.g. what a Helm-rendered Deployment sets. */
    public OperatorProcess with(Map<String, String> overrides) {
        config.putAll(overrides);
        return this;
    }

    public String identity() {
        return identity;
    }

    public Path log() {
        return log;
    }

    /** How often the process was started. */
    public int starts() {
        return starts;
    }

    public synchronized OperatorProcess start() {
        if (alive()) {
            throw new IllegalStateException("operator " + identity + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HOSTNAME", identity);
        try {
            Files.writeString(log, "==== start " + (starts + 1) + " of operator " + identity + " ====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
            process.onExit().thenRun(this::exited);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the operator " + identity, e);
        }
        starts++;
        return this;
    }

    /**
     * Like a kubelet with restartPolicy Always: whenever the process exits by itself (e.g. it lost the leader-election
     * lease while the apiserver was away), it is started again; {@link #kill()} ends this.
     */
    public synchronized OperatorProcess restartingOnExit() {
        restartOnExit = true;
        return this;
    }

    private synchronized void exited() {
        if (restartOnExit && !alive()) {
            start();
        }
    }

    /** Waits until the process serves HTTP, i.e. Quarkus has started (the operator itself, or its leader election). */
    public OperatorProcess awaitUp() {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!alive()) {
                throw new IllegalStateException("operator " + identity + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            return live();
        });
        return this;
    }

    private boolean live() {
        try {
            var connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + config.get("quarkus.http.port")
                    + "/q/health/live").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The answer of the operator's HTTP server to a GET of {@code path}; status -1 when it does not answer. */
    public Http get(String path) {
        try {
            var connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + config.get("quarkus.http.port")
                    + path).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            var body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            return new Http(status, body == null ? "" : new String(body.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Http(-1, e.toString());
        }
    }

    public record Http(int status, String body) {
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** The exit code of the last run, or null while it runs (or never ran). */
    public synchronized Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** SIGKILL (destroyForcibly on the java process itself): no shutdown hook, no lease release, nothing flushed. */
    public synchronized void kill() {
        restartOnExit = false;
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
