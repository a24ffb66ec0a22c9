package com.dittofs.operator.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.dittofs.operator.contract.DfsProcess;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Plays the kubelet for the dfs container of a simulated pod: runs the real dfs with exactly the pod's config
 * (from its ConfigMap) and environment (Secret references resolved), with /data bind-mounted from a temp directory
 * in a private mount namespace, as the pod's volumes would be.
 */
final class Kubelet {

    private Kubelet() {
    }

    static DfsProcess run(KubernetesClient admin, String namespace, String podName) {
        return run(admin, namespace, podName, Map.of());
    }

    /** With some of the container's variables overridden (e.g. to move the API behind a {@link FaultyApi}). */
    static DfsProcess run(KubernetesClient admin, String namespace, String podName, Map<String, String> overrides) {
        PodRun run = read(admin, namespace, podName, overrides);
        return DfsProcess.startWithPodMounts(podName, run.config(), run.env(), run.files());
    }

    /**
     * The pod was replaced (deleted and made again by its StatefulSet): stops the previous container's dfs and runs the
     * new pod's on the same volumes, as the kubelet would with the pod's claim.
     */
    static DfsProcess rerun(KubernetesClient admin, String namespace, String podName, DfsProcess previous) {
        PodRun run = read(admin, namespace, podName, Map.of());
        return previous.restartAs(run.config(), run.env(), run.files());
    }

    private record PodRun(String config, Map<String, String> env, Map<String, String> files) {
    }

    private static PodRun read(KubernetesClient admin, String namespace, String podName,
            Map<String, String> overrides) {
        Pod pod = admin.pods().inNamespace(namespace).withName(podName).get();
        Container dfs = pod.getSpec().getContainers().get(0);
        String configMap = pod.getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst()
                .orElseThrow().getConfigMap().getName();
        String config = admin.configMaps().inNamespace(namespace).withName(configMap).get().getData()
                .get("config.yaml");
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : dfs.getEnv()) {
            env.put(var.getName(), var.getValueFrom() == null ? var.getValue() : secretValue(admin, namespace, var));
        }
        env.putAll(overrides);
        return new PodRun(config, env, secretFiles(admin, namespace, pod));
    }

    /**
     * As {@link #run}, with the pod's persistent volumes: each claim's PersistentVolume (a hostPath in the test
     * cluster) backs the container's mount of it, so dfs reads and writes the volume's directory, as on a node.
     */
    static DfsProcess runOnVolumes(KubernetesClient admin, String namespace, String podName) {
        Pod pod = admin.pods().inNamespace(namespace).withName(podName).get();
        Container dfs = pod.getSpec().getContainers().get(0);
        String configMap = pod.getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst()
                .orElseThrow().getConfigMap().getName();
        String config = admin.configMaps().inNamespace(namespace).withName(configMap).get().getData()
                .get("config.yaml");
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : dfs.getEnv()) {
            env.put(var.getName(), var.getValueFrom() == null ? var.getValue() : secretValue(admin, namespace, var));
        }
        return DfsProcess.startWithVolumes(podName, config, env, secretFiles(admin, namespace, pod),
                claimMounts(admin, namespace, pod, dfs));
    }

    /** The container's mount path of each persistent volume claim, with the directory of the volume bound to it. */
    static Map<String, java.nio.file.Path> claimMounts(KubernetesClient admin, String namespace, Pod pod,
            Container container) {
        Map<String, java.nio.file.Path> mounts = new LinkedHashMap<>();
        for (var volume : pod.getSpec().getVolumes()) {
            if (volume.getPersistentVolumeClaim() == null) {
                continue;
            }
            String claim = volume.getPersistentVolumeClaim().getClaimName();
            container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName())).findFirst()
                    .ifPresent(m -> mounts.put(m.getMountPath(), volumeDirectory(admin, namespace, claim)));
        }
        return mounts;
    }

    /** The hostPath of the PersistentVolume bound to a claim. */
    static java.nio.file.Path volumeDirectory(KubernetesClient admin, String namespace, String claim) {
        String pv = admin.persistentVolumeClaims().inNamespace(namespace).withName(claim).get().getSpec()
                .getVolumeName();
        var volume = admin.persistentVolumes().withName(pv).get().getSpec();
        return java.nio.file.Path.of(volume.getHostPath() != null ? volume.getHostPath().getPath()
                : volume.getLocal().getPath());
    }

    /** The files of the pod's Secret volumes (every key, or the items), as the kubelet writes them. */
    static Map<String, String> secretFiles(KubernetesClient admin, String namespace, Pod pod) {
        Map<String, String> files = new LinkedHashMap<>();
        Container dfs = pod.getSpec().getContainers().get(0);
        for (var volume : pod.getSpec().getVolumes()) {
            if (volume.getSecret() == null) {
                continue;
            }
            String mountPath = dfs.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                    .findFirst().orElseThrow().getMountPath();
            var secret = admin.secrets().inNamespace(namespace).withName(volume.getSecret().getSecretName()).get();
            if (secret == null) {
                continue; // an optional volume whose Secret is missing: the kubelet mounts it empty
            }
            // items project chosen keys to chosen file names; without items, every key under its own name. The bytes
            // travel as ISO-8859-1 characters, one per byte, so that binary values (a keytab) are written unchanged.
            Map<String, String> paths = new LinkedHashMap<>();
            if (volume.getSecret().getItems() == null || volume.getSecret().getItems().isEmpty()) {
                secret.getData().keySet().forEach(key -> paths.put(key, key));
            } else {
                volume.getSecret().getItems().forEach(item -> paths.put(item.getKey(), item.getPath()));
            }
            paths.forEach((key, path) -> {
                String value = secret.getData().get(key);
                if (value != null) {
                    files.put(mountPath + "/" + path,
                            new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1));
                }
            });
        }
        return files;
    }

    /** The kubelet's periodic refresh of a Secret volume: the pod's Secrets as they are now, written in place. */
    static void refreshSecretVolumes(KubernetesClient admin, String namespace, String podName, DfsProcess dfs) {
        dfs.writeFiles(secretFiles(admin, namespace, admin.pods().inNamespace(namespace).withName(podName).get()));
    }

    private static String secretValue(KubernetesClient admin, String namespace, EnvVar var) {
        var ref = var.getValueFrom().getSecretKeyRef();
        String encoded = admin.secrets().inNamespace(namespace).withName(ref.getName()).get().getData()
                .get(ref.getKey());
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
