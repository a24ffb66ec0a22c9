package com.dittofs.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.e2e.ControlPlane;
import com.dittofs.operator.packaging.Helm;
import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * The operator as users run it: installed with the chart into a real node's cluster, its own image running as a pod
 * with the chart's RBAC and ServiceAccount only, two replicas under leader election; the dfs pod it renders started
 * by a real kubelet under the restricted Pod Security level, made Ready by the kubelet's probes, and reached by real
 * NFS and SMB clients through its Service (kube-proxy). The steps build on each other and run in order. On the oldest
 * supported Kubernetes release ({@code -Dk8s.version}, the oldest-k8s execution) only the first two run: a smoke of
 * install and serve.
 */
@Tag("node")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeTierIT {

    /** Generous: a cold two-core machine with other work beside it. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final String OPERATOR_NS = "dittofs-system";
    static final String APPS = "apps";
    static final String SERVER = "my-dittofs";
    static final String USER = "demo";
    static final int USER_ID = 1000;
    static final String PASSWORD = "demo-password-1";
    static final String SAMPLE = "docs/samples/dittofs_v1alpha1_dittoserver.yaml";
    static final String LEASE = "dittofs-operator-lock";
    static final String HOSTPATH_NS = "on-hostpath";
    /** The real node's StorageClass of hostPath volumes, which the kubelet does not chown to the pod's fsGroup. */
    static final String HOSTPATH_CLASS = "hostpath";

    static RealNode node;
    static KubernetesClient admin;
    static String fileName;
    static String content;

    @BeforeAll
    static void start() {
        node = RealNode.start();
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void theChartRunsTheOperatorImageAsTwoReplicasUnderLeaderElection() {
        node.kubectl("create", "namespace", OPERATOR_NS);
        node.kubectl("label", "namespace", OPERATOR_NS, "pod-security.kubernetes.io/enforce=restricted");
        long t0 = System.nanoTime();
        new Helm(node.kubeEnv()).run("install", "dittofs-operator", Helm.CHART.toString(), "-n", OPERATOR_NS,
                "--set", "image.repository=" + RealNode.OPERATOR_IMAGE_REPOSITORY,
                "--set", "image.tag=" + RealNode.OPERATOR_IMAGE_TAG, "--set", "replicaCount=2",
                "--wait", "--timeout", "5m").orFail();
        System.out.printf("NODE operator pods Ready %.1f s after helm install%n", RealNode.seconds(t0));

        List<Pod> pods = operatorPods();
        assertThat(pods).hasSize(2).allSatisfy(p -> {
            assertThat(ready(p)).as("pod %s ready", p.getMetadata().getName()).isTrue();
            assertThat(p.getSpec().getServiceAccountName()).isEqualTo("dittofs-operator");
            assertThat(p.getStatus().getContainerStatuses().get(0).getRestartCount()).isZero();
        });
        await().atMost(TIMEOUT).until(() -> leaseHolder() != null);
        assertThat(pods.stream().map(p -> p.getMetadata().getName())).contains(leaseHolder());
    }

    @Test
    @Order(2)
    void theBasicSampleServesAFileOverNfsThatSmbReadsBackThroughTheService() throws Exception {
        node.kubectl("create", "namespace", APPS);
        node.kubectl("label", "namespace", APPS, "pod-security.kubernetes.io/enforce=restricted");
        node.kubectl("-n", APPS, "create", "secret", "generic", "demo-password", "--from-literal=password=" + PASSWORD);
        long t0 = System.nanoTime();
        node.kubectl("-n", APPS, "apply", "-f", SAMPLE);
        node.kubectl("-n", APPS, "patch", "dittoserver", SERVER, "--type", "merge", "-p", """
                {"spec":{"users":[{"name":"%s","uid":%d,"gid":%d,
                  "passwordSecretRef":{"name":"demo-password","key":"password"}}],
                 "shares":[{"name":"/export","grants":[{"user":"%s","level":"read-write"}]}]}}"""
                .formatted(USER, USER_ID, USER_ID, USER));
        awaitServerReady();
        Pod pod = serverPod();
        System.out.printf("NODE DittoServer Ready %.1f s after create; pod Ready %d s after it was created%n",
                RealNode.seconds(t0), Duration.between(Instant.parse(pod.getMetadata().getCreationTimestamp()),
                        Instant.parse(readyCondition(pod).getLastTransitionTime())).toSeconds());

        assertRestricted(pod);
        fileName = "hello-" + System.nanoTime() + ".txt";
        content = "written over NFS through the -file Service at " + Instant.now();
        Path local = Files.createTempDirectory("node-tier").resolve(fileName);
        Files.writeString(local, content);
        FileClients clients = clients();
        // Ready says the pod is; the Service's EndpointSlice and kube-proxy's rules follow a moment later
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> clients.nfsWrite(local, fileName, USER_ID));
        assertThat(clients.nfsRead(fileName, USER_ID)).isEqualTo(content);
        assertThat(clients.smbRead(USER, PASSWORD, fileName)).isEqualTo(content);
    }

    @Test
    @Order(3)
    void aDeletedPodComesBackWithTheFile() {
        assumeFullScenario();
        String before = serverPod().getMetadata().getUid();
        admin.pods().inNamespace(APPS).withName(SERVER + "-0").delete();
        await().atMost(TIMEOUT).until(() -> {
            Pod p = admin.pods().inNamespace(APPS).withName(SERVER + "-0").get();
            return p != null && !before.equals(p.getMetadata().getUid()) && ready(p);
        });
        awaitServerReady();
        assertFileServed(() -> clients().nfsRead(fileName, USER_ID));
    }

    @Test
    @Order(4)
    void scaledToZeroAndBackTheFileIsStillThere() {
        assumeFullScenario();
        node.kubectl("-n", APPS, "patch", "dittoserver", SERVER, "--type", "merge", "-p", "{\"spec\":{\"replicas\":0}}");
        await().atMost(TIMEOUT).until(() -> admin.pods().inNamespace(APPS).withName(SERVER + "-0").get() == null);
        node.kubectl("-n", APPS, "patch", "dittoserver", SERVER, "--type", "merge", "-p", "{\"spec\":{\"replicas\":1}}");
        awaitServerReady();
        assertFileServed(() -> clients().smbRead(USER, PASSWORD, fileName));
    }

    @Test
    @Order(5)
    void anImageChangeRollsThePodOnceAndTheOldOneStopsWithinItsGracePeriod() {
        assumeFullScenario();
        String newImage = RealNode.DFS_IMAGE + "-rolled";
        node.ctr("images", "tag", "--force", RealNode.DFS_IMAGE, newImage).orFail();
        Pod old = serverPod();
        long grace = old.getSpec().getTerminationGracePeriodSeconds();
        Map<String, Instant> deletionSeen = new ConcurrentHashMap<>();
        Map<String, Instant> goneAt = new ConcurrentHashMap<>();
        Set<String> uids = ConcurrentHashMap.newKeySet();
        uids.add(old.getMetadata().getUid());
        try (Watch ignored = admin.pods().inNamespace(APPS).withLabel("app.kubernetes.io/instance", SERVER)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Pod pod) {
                        String uid = pod.getMetadata().getUid();
                        uids.add(uid);
                        if (pod.getMetadata().getDeletionTimestamp() != null) {
                            deletionSeen.putIfAbsent(uid, Instant.now());
                        }
                        if (action == Action.DELETED) {
                            goneAt.putIfAbsent(uid, Instant.now());
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            node.kubectl("-n", APPS, "patch", "dittoserver", SERVER, "--type", "merge", "-p",
                    "{\"spec\":{\"image\":\"" + newImage + "\"}}");
            await().atMost(TIMEOUT).until(() -> {
                Pod p = admin.pods().inNamespace(APPS).withName(SERVER + "-0").get();
                return p != null && newImage.equals(p.getSpec().getContainers().get(0).getImage()) && ready(p);
            });
            awaitServerReady();
        }
        String oldUid = old.getMetadata().getUid();
        assertThat(uids).as("pods seen during the roll").hasSize(2);
        assertThat(goneAt).containsKey(oldUid);
        Duration stopping = Duration.between(deletionSeen.get(oldUid), goneAt.get(oldUid));
        System.out.printf("NODE old dfs pod stopped %.1f s after its deletion (grace period %d s)%n",
                stopping.toMillis() / 1000.0, grace);
        assertThat(stopping).isLessThanOrEqualTo(Duration.ofSeconds(grace));
        assertFileServed(() -> clients().nfsRead(fileName, USER_ID));
    }

    @Test
    @Order(6)
    void whenTheLeaderPodIsKilledAnotherReplicaTakesOverAndConverges() {
        assumeFullScenario();
        String leader = leaseHolder();
        long t0 = System.nanoTime();
        node.kubectl("-n", OPERATOR_NS, "delete", "pod", leader, "--grace-period=0", "--force");
        // The standby, or the pod the Deployment starts in the killed one's place: whichever asks first once the
        // lease has expired (both compare the same renewTime).
        await().atMost(TIMEOUT).until(() -> {
            String holder = leaseHolder();
            return holder != null && !holder.equals(leader)
                    && operatorPods().stream().anyMatch(p -> p.getMetadata().getName().equals(holder) && ready(p));
        });
        System.out.printf("NODE %s holds the lease %.1f s after the leader was killed (lease %d s)%n", leaseHolder(),
                RealNode.seconds(t0), admin.leases().inNamespace(OPERATOR_NS).withName(LEASE).get().getSpec()
                        .getLeaseDurationSeconds());
        node.kubectl("-n", APPS, "patch", "dittoserver", SERVER, "--type", "merge", "-p",
                "{\"spec\":{\"service\":{\"annotations\":{\"node-tier/after-failover\":\"yes\"}}}}");
        await().atMost(TIMEOUT).until(() -> "yes".equals(admin.services().inNamespace(APPS)
                .withName(SERVER + "-file").get().getMetadata().getAnnotations().get("node-tier/after-failover")));
        awaitServerReady();
    }

    /**
     * hostPath volumes ignore fsGroup: the data directories stay root-owned and dfs cannot open its database. The
     * status must say so in plain words; the opt-in init container then makes it work (Pod Security baseline).
     */
    @Test
    @Order(7)
    void onAVolumeThatIgnoresFsGroupTheStatusSaysSoAndVolumePermissionsFixesIt() throws Exception {
        assumeFullScenario();
        String name = "on-hostpath";
        node.kubectl("create", "namespace", HOSTPATH_NS);
        node.kubectl("label", "namespace", HOSTPATH_NS, "pod-security.kubernetes.io/enforce=baseline");
        node.kubectlWithInput("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: %s}
                spec:
                  storage: {metadataSize: 1Gi, cacheSize: 1Gi, storageClassName: %s}
                """.formatted(name, HOSTPATH_CLASS), "-n", HOSTPATH_NS, "apply", "-f", "-");
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(readyCondition(HOSTPATH_NS, name)).isNotNull().satisfies(c -> {
                assertThat(c.getReason()).isEqualTo(ConditionTypes.REASON_VOLUME_NOT_WRITABLE);
                assertThat(c.getMessage()).contains("metadata").contains("65532").contains("volumePermissions");
            });
        });
        System.out.println("NODE on a hostPath volume, Ready says: " + readyCondition(HOSTPATH_NS, name).getMessage());

        node.kubectl("-n", HOSTPATH_NS, "patch", "dittoserver", name, "--type", "merge", "-p",
                "{\"spec\":{\"storage\":{\"volumePermissions\":{\"enabled\":true}}}}");
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Condition c = readyCondition(HOSTPATH_NS, name);
            return c != null && "True".equals(c.getStatus());
        });
        Pod pod = admin.pods().inNamespace(HOSTPATH_NS).withName(name + "-0").get();
        assertThat(pod.getStatus().getInitContainerStatuses()).singleElement()
                .satisfies(c -> assertThat(c.getState().getTerminated().getExitCode()).isZero());
        Path local = Files.createTempDirectory("node-tier").resolve("on-hostpath.txt");
        Files.writeString(local, "written on a hostPath volume");
        FileClients onHostPath = new FileClients(admin.services().inNamespace(HOSTPATH_NS).withName(name + "-file")
                .get().getSpec().getClusterIP());
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> onHostPath.nfsWrite(local, "on-hostpath.txt", 0));
        assertThat(onHostPath.nfsRead("on-hostpath.txt", 0)).isEqualTo("written on a hostPath volume");
    }

    static Condition readyCondition(String namespace, String name) {
        DittoServer s = admin.resources(DittoServer.class).inNamespace(namespace).withName(name).get();
        return s == null || s.getStatus() == null ? null : s.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
    }

    // ---- helpers ----

    /** The file reads back as written, once the Service routes to the new pod (an error until then). */
    static void assertFileServed(java.util.concurrent.Callable<String> read) {
        await().atMost(TIMEOUT).ignoreExceptions().until(read, content::equals);
    }

    static void assumeFullScenario() {
        Assumptions.assumeTrue(ControlPlane.K8S_VERSION.isEmpty(),
                "on Kubernetes " + ControlPlane.K8S_VERSION + " the node tier runs its smoke only (install and serve)");
    }

    static void awaitServerReady() {
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            DittoServer s = admin.resources(DittoServer.class).inNamespace(APPS).withName(SERVER).get();
            Condition ready = readyCondition(APPS, SERVER);
            return ready != null && "True".equals(ready.getStatus())
                    && s.getMetadata().getGeneration().equals(s.getStatus().getObservedGeneration());
        });
    }

    /** What the kubelet enforced on the running dfs process, read from the host's /proc. */
    void assertRestricted(Pod pod) throws Exception {
        long pid = node.hostPid(pod.getStatus().getContainerStatuses().get(0).getContainerID());
        String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
        assertThat(field(status, "Uid")).startsWith("65532\t");
        assertThat(field(status, "Gid")).startsWith("65532\t");
        assertThat(field(status, "CapEff")).isEqualTo("0000000000000000");
        assertThat(field(status, "NoNewPrivs")).isEqualTo("1");
        assertThat(field(status, "Seccomp")).as("seccomp filter mode").isEqualTo("2");
        String rootMount = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "mountinfo")).stream()
                .filter(l -> l.split(" ")[4].equals("/")).findFirst().orElseThrow();
        assertThat(rootMount.split(" ")[5]).as("root filesystem mount options").startsWith("ro");
    }

    static String field(String procStatus, String name) {
        return procStatus.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow()
                .substring(name.length() + 1).strip();
    }

    static FileClients clients() {
        return new FileClients(admin.services().inNamespace(APPS).withName(SERVER + "-file").get().getSpec()
                .getClusterIP());
    }

    static Pod serverPod() {
        return admin.pods().inNamespace(APPS).withName(SERVER + "-0").get();
    }

    static List<Pod> operatorPods() {
        return admin.pods().inNamespace(OPERATOR_NS).withLabel("app.kubernetes.io/name", "dittofs-operator").list()
                .getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    static String leaseHolder() {
        Lease lease = admin.leases().inNamespace(OPERATOR_NS).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    static boolean ready(Pod pod) {
        io.fabric8.kubernetes.api.model.PodCondition c = readyCondition(pod);
        return c != null && "True".equals(c.getStatus());
    }

    static io.fabric8.kubernetes.api.model.PodCondition readyCondition(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? null
                : pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst()
                        .orElse(null);
    }
}
