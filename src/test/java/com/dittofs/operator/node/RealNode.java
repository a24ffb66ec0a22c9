package com.dittofs.operator.node;

import com.dittofs.operator.e2e.ControlPlane;
import com.dittofs.operator.testing.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Assumptions;

/**
 * A control plane with a real node (hack/cluster.sh with {@code CLUSTER_NODE=real}: containerd, runc, a kubelet, the
 * CNI bridge, kube-proxy and cluster DNS on this machine) and our own images, built locally by hack/images.sh and
 * imported into the node's containerd. It needs root and containerd; where it cannot start, the test fails and says
 * why when the node tier is required ({@code DITTOFS_NODE_TIER=required}, as .ci/run sets it), and is skipped with
 * the reason otherwise.
 */
final class RealNode {

    /** One directory per Kubernetes release under test ({@code -Dk8s.version}, see ControlPlane). */
    static final Path DIR = Path.of("target", ControlPlane.K8S_VERSION.isEmpty() ? "node-cluster"
            : "node-cluster-" + ControlPlane.K8S_VERSION).toAbsolutePath();
    static final String OPERATOR_IMAGE_REPOSITORY = "localhost/dittofs-operator";
    static final String OPERATOR_IMAGE_TAG = "dev";
    /** The dfs image the operator runs by default, built here from the same dfs release under the same name. */
    static final String DFS_IMAGE = "docker.io/marmos91c/dittofs:v0.29.0";

    private final Map<String, String> env;

    private RealNode(Map<String, String> env) {
        this.env = env;
    }

    /** Builds the images, starts the cluster with its real node and imports the images. */
    static RealNode start() {
        requireRuntime();
        long t0 = System.nanoTime();
        run(Duration.ofMinutes(40), Map.of(), "bash", "hack/images.sh", "build", "all");
        System.out.printf("NODE images ready in %.0f s%n", seconds(t0));
        long t1 = System.nanoTime();
        Map<String, String> clusterEnv = new HashMap<>(Map.of("CLUSTER_NODE", "real"));
        if (!ControlPlane.K8S_VERSION.isEmpty()) {
            clusterEnv.put("KUBE_VERSION", ControlPlane.K8S_VERSION);
        }
        run(Duration.ofMinutes(40), clusterEnv, "bash", "hack/cluster.sh", "up", DIR.toString());
        System.out.printf("NODE cluster with a real node up in %.0f s%n", seconds(t1));
        List<String> load = new ArrayList<>(List.of("bash", "hack/cluster.sh", "load-images", DIR.toString()));
        for (String image : List.of("operator", "dfs")) {
            load.add(run(Duration.ofMinutes(5), Map.of(), "bash", "hack/images.sh", "archive", image).strip());
        }
        run(Duration.ofMinutes(10), Map.of(), load.toArray(String[]::new));
        return new RealNode(ControlPlane.readEnv(DIR.resolve("env")));
    }

    /** Stops the cluster and fails when anything of the node is left on the machine. */
    void stop() {
        if (System.getenv("KEEP_CLUSTER") != null) {
            return;
        }
        run(Duration.ofMinutes(5), Map.of(), "bash", "hack/cluster.sh", "down", DIR.toString());
        run(Duration.ofMinutes(1), Map.of(), "bash", "hack/cluster.sh", "leftovers", DIR.toString());
    }

    static void requireRuntime() {
        String why = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "the node tier runs containerd and a kubelet, which need root";
        } else if (!Files.isExecutable(Path.of("/usr/bin/containerd")) || !Files.isExecutable(Path.of("/usr/sbin/runc"))
                && !Files.isExecutable(Path.of("/usr/bin/runc"))) {
            why = "containerd or runc is not installed (Debian: apt-get install containerd runc containernetworking-plugins)";
        }
        if (why == null) {
            return;
        }
        if ("required".equals(System.getenv("DITTOFS_NODE_TIER"))) {
            throw new AssertionError("The node tier cannot start: " + why);
        }
        Assumptions.abort("node tier skipped: " + why + " (DITTOFS_NODE_TIER=required makes this a failure)");
    }

    Path kubeconfig() {
        return Path.of(env.get("KUBECONFIG"));
    }

    Map<String, String> kubeEnv() {
        return Map.of("KUBECONFIG", kubeconfig().toString());
    }

    String kubectlBinary() {
        return env.get("KUBECTL");
    }

    KubernetesClient admin() {
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig())))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kubectl as cluster admin; fails the test when it fails. */
    String kubectl(String... args) {
        List<String> command = new ArrayList<>(List.of(kubectlBinary()));
        command.addAll(List.of(args));
        return Proc.run(command, kubeEnv(), null, Duration.ofMinutes(5)).orFail();
    }

    /** kubectl as cluster admin with {@code input} on its standard input (e.g. {@code apply -f -}). */
    String kubectlWithInput(String input, String... args) {
        List<String> command = new ArrayList<>(List.of(kubectlBinary()));
        command.addAll(List.of(args));
        return Proc.run(command, kubeEnv(), input, Duration.ofMinutes(5)).orFail();
    }

    /** ctr against the node's containerd, in the kubelet's namespace. */
    Proc.Result ctr(String... args) {
        List<String> command = new ArrayList<>(List.of("ctr", "--address", env.get("CONTAINERD_ADDRESS"), "-n",
                "k8s.io"));
        command.addAll(List.of(args));
        return Proc.run(command, Duration.ofMinutes(2));
    }

    /** The host PID of a running container (the {@code containerd://ID} of a pod's container status). */
    long hostPid(String containerId) {
        String id = containerId.replaceFirst("^containerd://", "");
        for (String line : ctr("tasks", "ls").orFail().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && fields[0].equals(id)) {
                return Long.parseLong(fields[1]);
            }
        }
        throw new AssertionError("no running task " + id + " in the node's containerd");
    }

    static String run(Duration timeout, Map<String, String> env, String... command) {
        return Proc.run(List.of(command), env, null, timeout).orFail();
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
