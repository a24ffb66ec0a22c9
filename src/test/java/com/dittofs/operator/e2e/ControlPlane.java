package com.dittofs.operator.e2e;

import com.dittofs.operator.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A real control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok) on 127.0.0.1, started
 * once per test JVM by hack/cluster.sh from binaries that hack/tools.sh builds and caches.
 *
 * <p>
 * Two of them at most: the shared one of the packaged operator under test ({@link #get()}), and the fault tests' own
 * ({@link #faults()}), where the tests run their own operator processes and restart the apiserver without the
 * operator under test (which watches every namespace) reconciling beside them.
 *
 * <p>
 * {@code -Dk8s.version=v1.30.14} runs them on that Kubernetes release (hack/tools.sh builds it, see KUBE_VERSION
 * there) in directories of their own ({@code target/e2e-cluster-v1.30.14}); unset, on hack/tools.sh's default.
 * The failsafe execution {@code oldest-k8s} (pom.xml) runs a tier of the suite on the oldest supported minor.
 */
public final class ControlPlane {

    /** The Kubernetes release under test ({@code -Dk8s.version}), or empty for hack/tools.sh's default. */
    public static final String K8S_VERSION = System.getProperty("k8s.version", "").trim();
    private static final String DIR_SUFFIX = K8S_VERSION.isEmpty() ? "" : "-" + K8S_VERSION;
    public static final Path DIR = Path.of("target", "e2e-cluster" + DIR_SUFFIX).toAbsolutePath();
    public static final Path FAULTS_DIR = Path.of("target", "e2e-faults-cluster" + DIR_SUFFIX).toAbsolutePath();
    private static ControlPlane instance;
    private static ControlPlane faults;

    private final Path dir;
    private Map<String, String> env;

    private ControlPlane(Path dir) {
        this.dir = dir;
        run(List.of("bash", "hack/cluster.sh", "up", dir.toString()), 900);
        this.env = readEnv(dir.resolve("env"));
    }

    public static synchronized ControlPlane get() {
        if (instance == null) {
            instance = new ControlPlane(DIR);
        }
        return instance;
    }

    /** The fault tests' own control plane; it stops with the test JVM. */
    public static synchronized ControlPlane faults() {
        if (faults == null) {
            faults = new ControlPlane(FAULTS_DIR);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> faults.down()));
        }
        return faults;
    }

    public static synchronized void stop() {
        if (instance != null) {
            instance.down();
            instance = null;
        }
    }

    private void down() {
        if (System.getenv("KEEP_CLUSTER") == null) {
            run(List.of("bash", "hack/cluster.sh", "down", dir.toString()), 120);
        }
    }

    /** Stops the kube-apiserver and starts it again on the same port and etcd data; returns once it is ready. */
    public synchronized void restartApiServer() {
        run(List.of("bash", "hack/cluster.sh", "restart-apiserver", dir.toString()), 300);
        env = readEnv(dir.resolve("env"));
    }

    public String apiServerUrl() {
        return env.get("APISERVER_URL");
    }

    public int apiServerPort() {
        return Integer.parseInt(env.get("APISERVER_PORT"));
    }

    public Path caCert() {
        return Path.of(env.get("CA_CERT"));
    }

    public Path kubeconfig() {
        return Path.of(env.get("KUBECONFIG"));
    }

    public String kubectl() {
        return env.get("KUBECTL");
    }

    public Path auditLog() {
        return dir.resolve("logs").resolve("audit.log");
    }

    /** A cluster-admin client: what the tests use to act as a user. */
    public KubernetesClient admin() {
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig()));
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs kubectl against the cluster as admin; returns its exit code and output. */
    public Result kubectl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(kubectl(), "--kubeconfig", kubeconfig().toString()));
        command.addAll(List.of(args));
        return exec(command, 180);
    }

    public record Result(int exitCode, String output) {
    }

    static Result exec(List<String> command, int timeoutSeconds) {
        return exec(command, Map.of(), timeoutSeconds);
    }

    private static Result exec(List<String> command, Map<String, String> env, int timeoutSeconds) {
        Proc.Result result = Proc.run(command, env, null, Duration.ofSeconds(timeoutSeconds));
        return new Result(result.exit(), result.output());
    }

    /** Runs hack/cluster.sh, on the Kubernetes release under test. */
    private static void run(List<String> command, int timeoutSeconds) {
        Result result = exec(command, K8S_VERSION.isEmpty() ? Map.of() : Map.of("KUBE_VERSION", K8S_VERSION),
                timeoutSeconds);
        System.out.println(result.output());
        if (result.exitCode() != 0) {
            throw new IllegalStateException(command + " failed with exit code " + result.exitCode());
        }
    }

    /** The {@code export KEY=value} lines of a cluster's env file (hack/cluster.sh). */
    public static Map<String, String> readEnv(Path file) {
        Map<String, String> env = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                for (String assignment : line.replaceFirst("^export ", "").split(" ")) {
                    int eq = assignment.indexOf('=');
                    if (eq > 0) {
                        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cluster env not found: " + file, e);
        }
        return env;
    }
}
