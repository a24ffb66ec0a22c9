package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dittofs.operator.contract.DfsProcess;
import com.dittofs.operator.testing.Proc;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * docs/MIGRATING.md's "Moving a running server", run in bash as it stands, on a server left as the Go operator
 * (v0.29.0) leaves one: its StatefulSet with the claim templates metadata, content and controlplane, its Services,
 * ConfigMap and Secrets owned by the DittoServer, which carries its finalizer. A real dfs, run on those claims'
 * volumes with the Go operator's mount paths, gets stores and a share as a user creates them with dfsctl, and a file
 * written over NFS; after the guide's steps, the real dfs of this operator's pod, on the same volumes, serves it.
 * The harness plays the kubelet twice: for each dfs, and for the guide's one-off pod that moves the stores.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class GoTakeoverIT extends E2E {

    private static final String NAME = "dittoserver-sample";
    private static final String ADMIN_PASSWORD = "go-operator-admin-password-01";
    private static final String JWT = "a-jwt-signing-secret-the-go-operator-server-used";
    /** The Go operator's config.yaml for this server, as its config.go renders it (without secrets). */
    private static final String GO_CONFIG = """
            logging: {level: INFO, format: json, output: stdout}
            shutdown_timeout: 30s
            database:
              type: sqlite
              sqlite: {path: /data/controlplane/controlplane.db}
            controlplane:
              host: 0.0.0.0
              port: 8080
              jwt: {access_token_duration: 15m, refresh_token_duration: 168h}
            admin: {username: admin}
            """;
    private static final Path GUIDE = Path.of("docs", "MIGRATING.md");

    @Test
    void aServerOfTheGoOperatorIsTakenOverWithItsFiles() throws Exception {
        leftByTheGoOperator();
        String url = "nfs://127.0.0.1/export/before-the-move-" + UUID.randomUUID() + ".txt?version=3&nfsport=12049"
                + "&mountport=12049";
        String content = "written under the Go operator " + UUID.randomUUID();
        writeThroughTheGoOperatorsDfs(url, content);

        paste(step("**1. Stop the Go operator**"));
        assertThat(admin.apps().deployments().inNamespace("dittofs").withName("dittofs-operator-controller-manager")
                .get().getSpec().getReplicas()).isZero();
        paste(step("**2. Set the server to move**").replace("NS=dittofs", "NS=" + namespace));
        paste(step("**3. Keep the volumes"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps().statefulSets().inNamespace(namespace).withName(NAME).get()).isNull();
            for (String gone : List.of(NAME + "-headless", NAME + "-api", NAME + "-adapter-nfs")) {
                assertThat(admin.services().inNamespace(namespace).withName(gone).get()).as(gone).isNull();
            }
            assertThat(admin.configMaps().inNamespace(namespace).withName(NAME + "-config").get()).isNull();
            assertThat(admin.secrets().inNamespace(namespace).withName(NAME + "-operator-credentials").get()).isNull();
        });
        for (String claim : goClaims()) {
            String pv = admin.persistentVolumeClaims().inNamespace(namespace).withName(claim).get().getSpec()
                    .getVolumeName();
            assertThat(admin.persistentVolumes().withName(pv).get().getSpec().getPersistentVolumeReclaimPolicy())
                    .isEqualTo("Retain");
        }

        paste(step("**4. Move the stores"));
        playTheMovePod();
        paste(step("Then wait for it to finish"));

        for (HasMetadata object : GuideBlocks.objects("MIGRATING.md", "go-takeover-server")) {
            object.getMetadata().setNamespace(namespace);
            admin.resource(object).create();
        }
        awaitPodIp(NAME + "-0");
        dfs = Kubelet.runOnVolumes(admin, namespace, NAME + "-0");
        paste(step("<!-- go-takeover-server -->"));
        assertThat(admin.pods().inNamespace(namespace).withName(NAME + "-0").get().getSpec().getVolumes())
                .filteredOn(v -> v.getPersistentVolumeClaim() != null)
                .extracting(v -> v.getPersistentVolumeClaim().getClaimName())
                .contains("metadata-" + NAME + "-0", "content-" + NAME + "-0");

        var read = ControlPlane.exec(List.of("nfs-cat", url), 60);
        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.output()).contains(content);

        paste(step("**7. Clean up"));
        await().atMost(TIMEOUT).until(() -> admin.persistentVolumeClaims().inNamespace(namespace)
                .withName("controlplane-" + NAME + "-0").get() == null);
        admin.apps().deployments().inNamespace("dittofs").withName("dittofs-operator-controller-manager").delete();
    }

    private static List<String> goClaims() {
        return List.of("metadata-" + NAME + "-0", "content-" + NAME + "-0", "controlplane-" + NAME + "-0");
    }

    /** What the Go operator leaves for the guide's DittoServer, objects named and owned as its source makes them. */
    private static void leftByTheGoOperator() {
        goOperatorDeployment();
        for (String[] secret : List.of(new String[] {"dittofs-jwt-secret", "secret", JWT},
                new String[] {"dittofs-admin-secret", "password", ADMIN_PASSWORD})) {
            admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(secret[0])
                    .endMetadata().addToStringData(secret[1], secret[2]).build()).create();
        }
        // A DittoServer of the Go operator's: paused, this operator leaves it alone, as if not yet installed (its
        // spec is in this CRD's shape: the Go one would not be admitted here, and the guide deletes it anyway).
        var server = Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata:
                  name: %s
                  annotations: {dittofs.dittofs.com/reconcile: paused}
                  finalizers: [dittofs.dittofs.com/finalizer]
                spec:
                  storage: {metadataSize: 10Gi, contentSize: 50Gi}
                """.formatted(NAME), com.dittofs.operator.api.v1alpha1.DittoServer.class);
        server = create(server);
        OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("dittofs.dittofs.com/v1alpha1")
                .withKind("DittoServer").withName(NAME).withUid(server.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(true).build();
        for (HasMetadata object : com.dittofs.operator.fixtures.Fixtures.objects(goObjects())) {
            object.getMetadata().setNamespace(namespace);
            object.getMetadata().setOwnerReferences(List.of(owner));
            admin.resource(object).create();
        }
        awaitPodIp(NAME + "-0");
        await().atMost(TIMEOUT).until(() -> goClaims().stream().map(c -> admin.persistentVolumeClaims()
                .inNamespace(namespace).withName(c).get()).allMatch(c -> c != null
                        && "Bound".equals(c.getStatus().getPhase())));
    }

    /** The Go operator's Deployment (its chart and kustomization both name it so, in the namespace dittofs). */
    private static void goOperatorDeployment() {
        if (admin.namespaces().withName("dittofs").get() == null) {
            admin.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName("dittofs").endMetadata().build()).create();
        }
        admin.apps().deployments().inNamespace("dittofs").resource(Serialization.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: dittofs-operator-controller-manager, namespace: dittofs}
                spec:
                  replicas: 1
                  selector: {matchLabels: {control-plane: controller-manager}}
                  template:
                    metadata: {labels: {control-plane: controller-manager}}
                    spec:
                      containers: [{name: manager, image: "marmos91c/dittofs-operator:v0.29.0"}]
                """, io.fabric8.kubernetes.api.model.apps.Deployment.class)).createOr(d -> d.update());
    }

    /** The Go operator's objects of a server (internal/controller of v0.29.0): names, claim templates, mounts. */
    private static String goObjects() {
        return """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: %1$s, labels: {app: dittofs-server, instance: %1$s}}
                spec:
                  replicas: 1
                  serviceName: %1$s-headless
                  selector: {matchLabels: {app: dittofs-server, instance: %1$s}}
                  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Retain}
                  template:
                    metadata: {labels: {app: dittofs-server, instance: %1$s}}
                    spec:
                      securityContext: {fsGroup: 65532, runAsNonRoot: true}
                      containers:
                        - name: dittofs
                          image: marmos91c/dittofs:v0.29.0
                          args: [start, --foreground, --config, /config/config.yaml]
                          volumeMounts:
                            - {name: controlplane, mountPath: /data/controlplane}
                            - {name: metadata, mountPath: /data/store/metadata}
                            - {name: config, mountPath: /config}
                            - {name: content, mountPath: /data/store/block}
                      volumes:
                        - name: config
                          configMap: {name: %1$s-config}
                  volumeClaimTemplates:
                    - metadata: {name: metadata}
                      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
                    - metadata: {name: content}
                      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 50Gi}}}
                    - metadata: {name: controlplane}
                      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %1$s-config}
                data: {config.yaml: "logging: {level: INFO}"}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s-headless}
                spec: {clusterIP: None, selector: {app: dittofs-server, instance: %1$s}, ports: [{name: api, port: 8080}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s-api}
                spec: {selector: {app: dittofs-server, instance: %1$s}, ports: [{name: api, port: 8080}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s-adapter-nfs}
                spec: {selector: {app: dittofs-server, instance: %1$s}, ports: [{name: nfs, port: 12049}]}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: %1$s-operator-credentials}
                stringData: {username: k8s-operator, password: not-used-here}
                """.formatted(NAME);
    }

    /**
     * The Go operator's dfs on the claims' volumes, at its mount paths; stores and a share made as a user makes them
     * with dfsctl (REST), and a file written over NFS. dfs stops as Kubernetes stops it (SIGTERM).
     */
    private static void writeThroughTheGoOperatorsDfs(String url, String content) throws IOException {
        Map<String, Path> volumes = new LinkedHashMap<>();
        volumes.put("/data/controlplane", Kubelet.volumeDirectory(admin, namespace, "controlplane-" + NAME + "-0"));
        volumes.put("/data/store/metadata", Kubelet.volumeDirectory(admin, namespace, "metadata-" + NAME + "-0"));
        volumes.put("/data/store/block", Kubelet.volumeDirectory(admin, namespace, "content-" + NAME + "-0"));
        for (Path volume : volumes.values()) {
            emptyDirectory(volume); // a new volume is empty (a PV of the pool may have served an earlier run)
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new LinkedHashMap<>(DfsProcess.loopback(port, null));
        env.put("DITTOFS_CONTROLPLANE_SECRET", JWT);
        env.put("DITTOFS_ADMIN_INITIAL_PASSWORD", ADMIN_PASSWORD);
        try (DfsProcess go = DfsProcess.startWithVolumes("go-" + NAME, GO_CONFIG, env, Map.of(), volumes)) {
            DfsRest user = new DfsRest(URI.create("http://127.0.0.1:" + port), ADMIN_PASSWORD);
            user.createMetadataStore("meta", "badger", "/data/store/metadata/meta");
            user.createLocalBlockStore("blocks", "fs", "/data/store/block/blocks");
            user.createShare("/export", "meta", "blocks", "read-write");
            Path local = Files.createTempFile("go-operator", ".txt");
            Files.writeString(local, content);
            await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
                var copy = ControlPlane.exec(List.of("nfs-cp", local.toString(), url), 60);
                assertThat(copy.exitCode()).as(copy.output()).isZero();
            });
            var read = ControlPlane.exec(List.of("nfs-cat", url), 60);
            assertThat(read.output()).contains(content);
        }
        assertThat(volumes.get("/data/store/metadata").resolve("meta")).isDirectory();
        assertThat(volumes.get("/data/store/block").resolve("blocks")).isDirectory();
    }

    private static void emptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var walk = Files.walk(directory)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * Plays the kubelet for the guide's move pod: its script, as pasted, in a private mount namespace where each of
     * its claim mounts (under /mnt) is the claim's volume directory; then the phase the kubelet would report.
     */
    private static void playTheMovePod() {
        String podName = "dittofs-move-" + NAME;
        await().atMost(TIMEOUT).until(() -> admin.pods().inNamespace(namespace).withName(podName).get() != null);
        Pod pod = admin.pods().inNamespace(namespace).withName(podName).get();
        var container = pod.getSpec().getContainers().get(0);
        assertThat(container.getCommand()).containsExactly("sh", "-ec");
        Map<String, Path> mounts = Kubelet.claimMounts(admin, namespace, pod, container);
        StringBuilder setup = new StringBuilder("mount -t tmpfs tmpfs /mnt");
        List<String> args = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--propagation", "private",
                "/bin/sh", "-c", "", "sh"));
        for (Map.Entry<String, Path> mount : mounts.entrySet()) {
            assertThat(mount.getKey()).startsWith("/mnt/");
            args.add(mount.getValue().toString());
            int n = args.size() - 8;
            setup.append(" && mkdir -p ").append(mount.getKey()).append(" && mount --bind \"$").append(n)
                    .append("\" ").append(mount.getKey());
        }
        args.add(container.getArgs().get(0));
        setup.append(" && exec sh -ec \"$").append(args.size() - 8).append('"');
        args.set(6, setup.toString());
        Map<String, String> env = new LinkedHashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        Proc.Result run = Proc.run(args, env, null, java.time.Duration.ofMinutes(2));
        assertThat(run.ok()).as(run.describe()).isTrue();
        admin.pods().inNamespace(namespace).withName(podName).editStatus(p -> {
            p.getStatus().setPhase("Succeeded");
            return p;
        });
    }

    /** The first sh block after {@code marker} in docs/MIGRATING.md, as a user copies it. */
    private static String step(String marker) throws IOException {
        String guide = Files.readString(GUIDE);
        int at = guide.indexOf(marker);
        assertThat(at).as("docs/MIGRATING.md has " + marker).isNotNegative();
        int start = guide.indexOf("```sh\n", at) + "```sh\n".length();
        return guide.substring(start, guide.indexOf("```", start));
    }

    /**
     * A block pasted into bash, in a scratch directory, with kubectl on the PATH, the cluster's kubeconfig, and the
     * variables step 2 exports (a user's shell keeps them between blocks); fails on the first error.
     */
    private static void paste(String block) throws IOException {
        Path kubectl = Path.of(cluster.kubectl());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KUBECONFIG", cluster.kubeconfig().toString());
        env.put("PATH", kubectl.getParent() + ":/usr/bin:/bin");
        env.put("NS", namespace);
        env.put("NAME", NAME);
        env.put("GO_METADATA_PATH", "/data/store/metadata/meta");
        env.put("GO_BLOCK_PATH", "/data/store/block/blocks");
        Path scratch = Files.createDirectories(Path.of("target", "go-takeover"));
        Proc.Result run = Proc.run(List.of("bash", "-euo", "pipefail", "-c", block), scratch, env, null,
                java.time.Duration.ofMinutes(10));
        assertThat(run.ok()).as(run.describe()).isTrue();
    }
}
