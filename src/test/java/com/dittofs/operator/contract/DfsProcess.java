package com.dittofs.operator.contract;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * One real dfs server, started like the pod starts it: the rendered config.yaml at /config/config.yaml (here under a
 * run directory), the operator's environment, and nothing else inherited. The only test adaptations: the pod's
 * mount points (/data/..., /config, /tmp) live under the run directory, HOME and TMPDIR point into it, and
 * {@link #loopback} pins listeners to 127.0.0.1.
 *
 * <p>
 * NFS and SMB listen on fixed container ports (dfs seeds them into its database), so only one dfs may run at a
 * time: within a JVM this is enforced, across JVMs a file lock serialises contract runs.
 */
public final class DfsProcess implements AutoCloseable {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    public static final String UNKNOWN_KEYS_WARNING = "WARNING: config contains unknown keys";
    private static final Path RUNS = Path.of("target", "contract-runs").toAbsolutePath();
    private static final Pattern MOUNTED_PATH = Pattern.compile(
            "^(\\s*[A-Za-z0-9_]+: )(" + Pattern.quote(Names.DATA_DIR) + "|" + Pattern.quote(Names.CONFIG_DIR) + "|"
                    + Pattern.quote(Names.TMP_DIR) + "|" + Pattern.quote(Names.TLS_DIR) + "|"
                    + Pattern.quote(Names.IDENTITY_DIR) + "|" + Pattern.quote(Names.TLS_CLIENT_CA_DIR) + "|"
                    + Pattern.quote(Names.METRICS_TOKEN_DIR) + "|" + Pattern.quote(Names.LOG_DIR) + ")(/.*)?$");
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static DfsProcess running;
    private static FileLock portLock;

    static {
        // last resort if a test JVM dies between start and @AfterEach
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final Path root;
    private final String renderedConfig;
    private final String config;
    private final Map<String, String> env;
    private final int apiPort;
    private final Integer metricsPort;
    private final boolean tls;
    /** Mutual TLS: dfs answers no request without a client certificate, /health included. */
    private final boolean clientAuth;
    private Process process;
    private Integer exitCode;

    private DfsProcess(Path root, String renderedConfig, Map<String, String> env) {
        this.root = root;
        this.renderedConfig = renderedConfig;
        this.config = relocate(renderedConfig, root);
        this.env = Map.copyOf(env);
        JsonNode tree = parse(config);
        this.apiPort = Integer.parseInt(env.getOrDefault("DITTOFS_CONTROLPLANE_PORT",
                tree.path("controlplane").path("port").asText("8080")));
        this.metricsPort = tree.path("metrics").path("enabled").asBoolean(false)
                ? Integer.valueOf(env.getOrDefault("DITTOFS_METRICS_PORT", tree.path("metrics").path("port").asText()))
                : null;
        this.tls = tree.path("controlplane").path("tls").hasNonNull("cert_file");
        this.clientAuth = tree.path("controlplane").path("tls").hasNonNull("client_ca");
    }

    /**
     * Starts dfs and waits until /health answers.
     *
     * @param name run directory name (under target/contract-runs), for the logs
     * @param renderedConfig config.yaml exactly as the operator renders it
     * @param env the container environment: the operator's variables plus test adaptations
     */
    public static DfsProcess start(String name, String renderedConfig, Map<String, String> env) {
        return start(name, renderedConfig, env, Map.of());
    }

    /** With files of mounted Secrets, by pod path (e.g. /tls/tls.crt), as the kubelet would write them. */
    public static DfsProcess start(String name, String renderedConfig, Map<String, String> env,
            Map<String, String> files) {
        try {
            Files.createDirectories(RUNS);
            Path root = Files.createTempDirectory(RUNS, name + "-");
            DfsProcess dfs = new DfsProcess(root, renderedConfig, env);
            dfs.prepare();
            dfs.writeFiles(files);
            dfs.launch();
            return dfs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The adaptations that keep a test dfs on 127.0.0.1: hosts pinned, and the given ports overridden. */
    public static Map<String, String> loopback(Integer apiPort, Integer metricsPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DITTOFS_CONTROLPLANE_HOST", "127.0.0.1");
        env.put("DITTOFS_METRICS_HOST", "127.0.0.1");
        if (apiPort != null) {
            env.put("DITTOFS_CONTROLPLANE_PORT", apiPort.toString());
        }
        if (metricsPort != null) {
            env.put("DITTOFS_METRICS_PORT", metricsPort.toString());
        }
        return env;
    }

    /** Stops dfs (SIGTERM, as Kubernetes does) and starts it again on the same volumes with the same env. */
    public void restart() {
        stop();
        exitCode = null;
        launch();
    }

    /** Restarts on the same volumes and config, with a different environment (e.g. a changed Secret). */
    public DfsProcess restartWith(Map<String, String> newEnv) {
        stop();
        DfsProcess next = new DfsProcess(root, renderedConfig, newEnv);
        next.launch();
        return next;
    }

    /**
     * Stops dfs and starts it on the same volumes (/data and its database kept, as a pod's claim is) as a new pod
     * would: with that pod's config, environment and Secret files.
     */
    public DfsProcess restartAs(String newConfig, Map<String, String> newEnv, Map<String, String> files) {
        stop();
        DfsProcess next = new DfsProcess(root, newConfig, newEnv);
        next.podMounts = podMounts;
        try {
            Files.writeString(next.configFile(), next.config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        next.writeFiles(files);
        next.launch();
        return next;
    }

    /**
     * Writes files at pod paths, each replaced in one rename as the kubelet swaps a Secret volume's content (dfs
     * notices a rotated certificate by its modification time).
     */
    public void writeFiles(Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = hostPath(file.getKey());
                Files.createDirectories(target.getParent());
                Path staged = Files.createTempFile(target.getParent(), ".staged", "");
                // one byte per character: what Kubelet reads from a Secret (a binary keytab too), and PEM text alike
                Files.writeString(staged, file.getValue(), StandardCharsets.ISO_8859_1);
                Files.move(staged, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prepare() throws IOException {
        for (String dir : List.of(Names.METADATA_DIR, Names.CACHE_DIR, Names.CONTENT_DIR, Names.CONFIG_DIR,
                Names.TMP_DIR, Names.TLS_DIR, "/home")) {
            Files.createDirectories(root.resolve(dir.substring(1)));
        }
        Files.createDirectories(root.resolve(Names.IDENTITY_DIR.substring(1)));
        Files.writeString(configFile(), config);
    }

    /**
     * Starts dfs as a pod would see its volumes: in a private mount namespace with the run directory's data
     * bind-mounted at /data, so store paths that arrive over the REST API (the operator's /data/...) land in the run
     * directory too, never on the host. Needs root and util-linux unshare; otherwise falls back to {@link #start}.
     */
    public static DfsProcess startWithPodMounts(String name, String renderedConfig, Map<String, String> env) {
        return startWithPodMounts(name, renderedConfig, env, Map.of());
    }

    /** With files of mounted Secrets, by pod path, as {@link #start(String, String, Map, Map)}. */
    public static DfsProcess startWithPodMounts(String name, String renderedConfig, Map<String, String> env,
            Map<String, String> files) {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || !Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            return start(name, renderedConfig, env, files);
        }
        try {
            Files.createDirectories(Path.of(Names.DATA_DIR)); // the mount points only; nothing is written there
            Files.createDirectories(Path.of(Names.IDENTITY_DIR));
            Files.createDirectories(RUNS);
            Path root2 = Files.createTempDirectory(RUNS, name + "-");
            DfsProcess dfs = new DfsProcess(root2, renderedConfig, env);
            dfs.podMounts = true;
            dfs.prepare();
            dfs.writeFiles(files);
            dfs.launch();
            return dfs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #startWithPodMounts}, with some directories under /data backed by host directories (a pod's persistent
     * volumes, e.g. /data/metadata -> a PersistentVolume's hostPath): each is a symbolic link in the run directory's
     * data, which the private mount namespace shows at /data, so the files land in the volume itself.
     */
    public static DfsProcess startWithVolumes(String name, String renderedConfig, Map<String, String> env,
            Map<String, String> files, Map<String, Path> volumes) {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            throw new IllegalStateException("volumes need root and unshare (the pod's /data is a private bind mount)");
        }
        try {
            Files.createDirectories(Path.of(Names.DATA_DIR));
            Files.createDirectories(Path.of(Names.IDENTITY_DIR));
            Files.createDirectories(RUNS);
            Path run = Files.createTempDirectory(RUNS, name + "-");
            DfsProcess dfs = new DfsProcess(run, renderedConfig, env);
            dfs.podMounts = true;
            dfs.prepare();
            for (Map.Entry<String, Path> volume : volumes.entrySet()) {
                Path link = run.resolve(volume.getKey().substring(1));
                Files.createDirectories(link.getParent());
                Files.deleteIfExists(link); // the empty directory prepare() made
                Files.createDirectories(volume.getValue());
                Files.createSymbolicLink(link, volume.getValue().toAbsolutePath());
            }
            dfs.writeFiles(files);
            dfs.launch();
            return dfs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean podMounts;

    private List<String> command() {
        String dfs = DfsBinary.path().toString();
        if (!podMounts) {
            return List.of(dfs, "start", "--foreground", "--config", configFile().toString());
        }
        // exec keeps one PID, so stop() signals dfs itself; /identity too, for the paths that arrive over the REST
        // API (the LDAP CA file), which relocate() never sees
        return List.of("/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                "mount --bind \"$1\" " + Names.DATA_DIR + " && mount --bind \"$4\" " + Names.IDENTITY_DIR
                        + " && exec \"$2\" start --foreground --config \"$3\"", "sh",
                root.resolve(Names.DATA_DIR.substring(1)).toString(), dfs, configFile().toString(),
                root.resolve(Names.IDENTITY_DIR.substring(1)).toString());
    }

    private synchronized void launch() {
        claimFixedPorts();
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("stdout.log").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("stderr.log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("HOME", root.resolve("home").toString());
        environment.put("TMPDIR", root.resolve(Names.TMP_DIR.substring(1)).toString());
        environment.putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            releaseFixedPorts();
            throw new UncheckedIOException(e);
        }
        LIVE.add(process);
        running = this;
        try {
            await("dfs /health on port " + apiPort)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("dfs exited during start-up", () -> !process.isAlive())
                    .ignoreExceptions()
                    // with mutual TLS, as the pod's probes do: the API port accepts connections
                    .until(() -> clientAuth ? listening(apiPort) : (tls ? Http.probe(apiUri().resolve(
                            Ports.HEALTH_PATH)) : Http.get(apiUri().resolve(Ports.HEALTH_PATH))).status() == 200);
        } catch (RuntimeException | Error e) {
            String logs = logs();
            stop();
            throw new AssertionError("dfs did not start (" + root + ")\n" + logs, e);
        }
    }

    public Path root() {
        return root;
    }

    /** The config file as written to disk (the rendered one, with mount points relocated). */
    public String config() {
        return config;
    }

    public Map<String, String> env() {
        return env;
    }

    public int apiPort() {
        return apiPort;
    }

    /** http://, or https:// when the config enables TLS on the REST API. */
    public URI apiUri() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + apiPort + "/");
    }

    /** The metrics port, or null when the config does not enable metrics. */
    public Integer metricsPort() {
        return metricsPort;
    }

    /** Where a pod path (e.g. /data/metadata) is in this run. */
    public Path hostPath(String podPath) {
        return root.resolve(podPath.substring(1));
    }

    public String stdout() {
        return read(root.resolve("stdout.log"));
    }

    public String stderr() {
        return read(root.resolve("stderr.log"));
    }

    public String logs() {
        return "--- stderr ---\n" + tail(stderr()) + "\n--- stdout ---\n" + tail(stdout());
    }

    /** The OS process id of the running dfs, to tell a restart from a reload. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The exit code of the last stop, if it stopped. */
    public Integer exitCode() {
        return exitCode;
    }

    /** SIGTERM, then up to 20 s for the staged shutdown (it takes ~0.1 s when idle), then SIGKILL. */
    public synchronized int stop() {
        if (process == null) {
            return exitCode == null ? -1 : exitCode;
        }
        try {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            exitCode = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            exitCode = -1;
        } finally {
            LIVE.remove(process);
            process = null;
            if (running == this) {
                running = null;
            }
            releaseFixedPorts();
        }
        return exitCode;
    }

    @Override
    public void close() {
        stop();
    }

    private Path configFile() {
        return root.resolve(Names.CONFIG_DIR.substring(1)).resolve(Names.CONFIG_KEY);
    }

    /**
     * Maps the pod's mount points into the run directory. Only values that are paths under a mount point change;
     * every other byte of the rendered file stays as rendered.
     */
    static String relocate(String rendered, Path root) {
        StringBuilder out = new StringBuilder();
        for (String line : rendered.split("\n", -1)) {
            Matcher m = MOUNTED_PATH.matcher(line);
            out.append(m.matches() ? m.group(1) + root + m.group(2) + (m.group(3) == null ? "" : m.group(3)) : line);
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static JsonNode parse(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One dfs per JVM, one contract JVM per machine at a time, and nothing else on the NFS/SMB ports. */
    private static synchronized void claimFixedPorts() {
        if (running != null) {
            throw new IllegalStateException("another dfs is still running in " + running.root
                    + ": NFS and SMB use fixed ports, stop it first");
        }
        if (portLock == null) {
            try {
                FileChannel channel = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"),
                        "dittofs-contract-dfs.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                portLock = await("the contract-test dfs lock (another build runs dfs)").atMost(Duration.ofMinutes(10))
                        .pollInterval(Duration.ofMillis(200)).until(channel::tryLock, lock -> lock != null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (int port : new int[] {Ports.NFS_CONTAINER, Ports.SMB_CONTAINER}) {
            if (listening(port)) {
                releaseFixedPorts();
                throw new IllegalStateException("port " + port + " is already in use by a process that is not a"
                        + " contract-test dfs; stop it first");
            }
        }
    }

    private static synchronized void releaseFixedPorts() {
        if (portLock != null) {
            try {
                portLock.channel().close();
            } catch (IOException e) {
                // closing the channel releases the lock; nothing else to do
            }
            portLock = null;
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 60);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
