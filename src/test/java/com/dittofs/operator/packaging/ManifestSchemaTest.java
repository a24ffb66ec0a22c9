package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubeconform: every manifest a user can install (the chart with its notable values, deploy/, the OLM bundle) is
 * valid, field by field and with no unknown field, against the API of the oldest and of the newest supported
 * Kubernetes ({@link KubeSchemas}), and every DittoServer sample against our CRD.
 */
class ManifestSchemaTest extends WithHelm {

    /**
     * Kinds without a schema here. ServiceMonitor, PrometheusRule: prometheus-operator ships its CRDs only in its
     * repository (not reachable from CI), and our end-to-end tier applies ours on a real apiserver with them
     * (ServiceMonitorIT, MonitoringIT). ClusterServiceVersion: OLM's own validators check it (BundleValidateTest).
     */
    static final String SKIPPED = "ServiceMonitor,PrometheusRule,ClusterServiceVersion";

    @Test
    void manifestsAreValidOnTheOldestAndNewestKubernetes(@TempDir Path tmp) {
        Map<String, Path> files = Manifests.all(helm, tmp.resolve("manifests"));
        List<String> failures = new ArrayList<>();
        for (String version : KubeSchemas.supportedVersions()) {
            Proc.Result r = kubeconform(version, tmp, files.values().stream().map(Path::toString).toList());
            if (!r.ok()) {
                failures.add("Kubernetes " + version + ":\n" + r.out() + r.err());
            }
        }
        assertThat(failures).as("kubeconform over %s", files.keySet()).isEmpty();
    }

    @Test
    void samplesAreValidDittoServers(@TempDir Path tmp) {
        String version = KubeSchemas.newest();
        Proc.Result r = kubeconform(version, tmp, List.of(Build.BASE.resolve("docs/samples").toString()));
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.out()).containsPattern("Valid: [1-9]");
    }

    @Test
    void anUnknownFieldIsCaught(@TempDir Path tmp) throws Exception {
        // the strict schemas are what make kubeconform worth running: a misspelt field would be dropped silently
        Path file = tmp.resolve("typo.yaml");
        java.nio.file.Files.writeString(file, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          resource: {limits: {memory: 1Gi}}
                """);
        Proc.Result r = kubeconform(KubeSchemas.oldest(), tmp, List.of(file.toString()));
        assertThat(r.ok()).isFalse();
        assertThat(r.out()).contains("additional properties 'resource' not allowed");
    }

    static Proc.Result kubeconform(String version, Path tmp, List<String> inputs) {
        Path crds = KubeSchemas.crds(tmp.resolve("crd-schemas"), List.of(Yaml.read(Build.generatedCrd())));
        List<String> command = new ArrayList<>(List.of(Tools.ensure("kubeconform").toString(), "-strict",
                "-summary", "-output", "text", "-kubernetes-version", version.substring(1),
                "-schema-location", KubeSchemas.builtin(version).resolve(KubeSchemas.BUILTIN).toString(),
                "-schema-location", crds.resolve(KubeSchemas.CRD).toString(), "-skip", SKIPPED));
        command.addAll(inputs);
        return Proc.run(command, Duration.ofMinutes(5));
    }
}
