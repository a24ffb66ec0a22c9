package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kube-score, with the settings and exclusions of hack/kube-score.args, over everything a user can install: the
 * chart with its notable values, deploy/, and the Deployment the OLM bundle's CSV installs. It stands for the
 * generic hardening assertions (read-only root filesystem, privileged, seccomp, resources and ephemeral storage,
 * image tag, probes, PodDisruptionBudget, NetworkPolicy, deprecated APIs, labels) the tests used to spell out; the
 * Pod Security "restricted" fields it does not check (runAsNonRoot, allowPrivilegeEscalation, capabilities) are
 * checked here once for every pod of every manifest.
 */
class ManifestLintTest extends WithHelm {

    static final Path ARGS = Build.BASE.resolve("hack/kube-score.args");

    @Test
    void everythingInstallablePassesKubeScore(@TempDir Path tmp) throws IOException {
        Map<String, Path> files = Manifests.all(helm, tmp.resolve("manifests"));
        files.remove("bundle/manifests/" + PackagingArtifacts.CSV_FILE);
        files.put("the CSV's deployments", csvDeployments(tmp.resolve("csv-deployments.yaml")));
        List<String> findings = new ArrayList<>();
        for (var e : files.entrySet()) {
            Proc.Result r = kubeScore(List.of(e.getValue().toString()));
            if (!r.ok()) {
                findings.add(e.getKey() + ":\n" + problems(r));
            }
        }
        assertThat(findings).as("kube-score (%s)", Build.BASE.relativize(ARGS)).isEmpty();
    }

    @Test
    void everyPodMeetsTheRestrictedFieldsKubeScoreDoesNotCheck(@TempDir Path tmp) {
        Map<String, Path> files = Manifests.all(helm, tmp.resolve("manifests"));
        List<String> pods = new ArrayList<>();
        for (var e : files.entrySet()) {
            for (JsonNode doc : Yaml.readAll(e.getValue())) {
                JsonNode pod = "Pod".equals(doc.path("kind").asText()) ? doc.path("spec")
                        : "ClusterServiceVersion".equals(doc.path("kind").asText())
                                ? doc.at("/spec/install/spec/deployments/0/spec/template/spec")
                                : doc.at("/spec/template/spec");
                if (pod.isMissingNode()) {
                    continue;
                }
                pods.add(e.getKey() + " " + doc.path("kind").asText());
                assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(pods.get(pods.size() - 1)).isTrue();
                pod.path("containers").forEach(c -> {
                    JsonNode sc = c.path("securityContext");
                    assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(pods.get(pods.size() - 1)).isFalse();
                    assertThat(sc.at("/capabilities/drop").toString()).as(pods.get(pods.size() - 1)).isEqualTo("[\"ALL\"]");
                });
            }
        }
        assertThat(pods).hasSizeGreaterThan(Manifests.CHART_VALUES.size());
    }

    @Test
    void aMutableRootFilesystemIsCaught() {
        // the regression kube-score stands guard against, on the chart's own Deployment
        Proc.Result r = kubeScoreChart("--set", "securityContext.readOnlyRootFilesystem=false");
        assertThat(r.ok()).isFalse();
        assertThat(problems(r)).contains("[CRITICAL]", "The pod has a container with a writable root filesystem");
    }

    @Test
    void aMissingMemoryLimitIsCaught() {
        Proc.Result r = kubeScoreChart("--set", "resources.limits=null");
        assertThat(r.ok()).isFalse();
        assertThat(problems(r)).contains("[CRITICAL]", "Memory limit is not set");
    }

    private Proc.Result kubeScoreChart(String... values) {
        try {
            Path file = Files.createTempFile(Build.TARGET, "kube-score-", ".yaml");
            Files.writeString(file, helm.template(HelmChartTest.RELEASE, HelmChartTest.NS, values).orFail());
            return kubeScore(List.of(file.toString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Proc.Result kubeScore(List<String> files) {
        List<String> command = new ArrayList<>(List.of(Tools.ensure("kube-score").toString(), "score",
                "--output-format", "ci", "--kubernetes-version", minor(KubeSchemas.oldest())));
        command.addAll(args());
        command.addAll(files);
        return Proc.run(command, Duration.ofMinutes(2));
    }

    /** The non-comment lines of hack/kube-score.args. */
    static List<String> args() {
        try {
            return Files.readAllLines(ARGS).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** kube-score's ci output lists every check; the failed ones only. */
    static String problems(Proc.Result r) {
        return String.join("\n", r.out().lines().filter(l -> !l.startsWith("[OK]") && !l.startsWith("[SKIPPED]"))
                .toList()) + r.err();
    }

    private static String minor(String version) {
        return version.substring(0, version.lastIndexOf('.'));
    }

    /** The CSV installs its Deployments from spec.install.spec.deployments: as Deployment documents. */
    private static Path csvDeployments(Path file) throws IOException {
        JsonNode csv = Build.csv(Build.ARTIFACTS.committedBundle());
        StringBuilder out = new StringBuilder();
        for (JsonNode d : csv.at("/spec/install/spec/deployments")) {
            ObjectNode doc = Yaml.JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
            doc.putObject("metadata").put("name", d.path("name").asText())
                    .put("namespace", PackagingArtifacts.OPERATOR_NAMESPACE).set("labels", d.path("label"));
            doc.set("spec", d.path("spec"));
            out.append("---\n").append(Yaml.write(doc));
        }
        Files.writeString(file, out.toString());
        return file;
    }
}
