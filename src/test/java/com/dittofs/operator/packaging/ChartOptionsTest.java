package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chart's optional parts, rendered with helm template: the PodDisruptionBudget of a replicated operator, the
 * {@code helm test} pod, the log level and format, the native image. ChartLifecycleIT runs them on an apiserver.
 */
class ChartOptionsTest extends WithHelm {

    static final String RELEASE = HelmChartTest.RELEASE;
    static final String NS = HelmChartTest.NS;

    @Test
    void podDisruptionBudgetOnlyWithStandbys() {
        assertThat(Rbac.all(helm.render(RELEASE, NS), "PodDisruptionBudget")).isEmpty();
        List<JsonNode> docs = helm.render(RELEASE, NS, "--set", "replicaCount=3");
        JsonNode pdb = Rbac.only(docs, "PodDisruptionBudget", RELEASE);
        assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(Rbac.only(docs, "Deployment", RELEASE)
                .at("/spec/selector/matchLabels"));
    }

    @Test
    void testPodChecksReadinessThroughTheMetricsService() {
        JsonNode pod = testPod(helm.render(RELEASE, NS));
        assertThat(pod.at("/metadata/annotations/helm.sh~1hook").asText()).isEqualTo("test");
        assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Never");
        JsonNode container = pod.at("/spec/containers/0");
        assertThat(container.path("image").asText()).isEqualTo(ChartLintTest.testImage());
        assertThat(container.path("command").get(0).asText()).isEqualTo("wget");
        assertThat(container.path("command").get(container.path("command").size() - 1).asText())
                .isEqualTo("http://" + RELEASE + "-metrics." + NS + ".svc:8080/q/health/ready");
        // its security context: ManifestLintTest (kube-score and the restricted fields) for every pod
        assertThat(pod.at("/spec/automountServiceAccountToken").asBoolean(true)).isFalse();

        assertThat(helm.template(RELEASE, NS, "--set", "metrics.service.port=9000").orFail())
                .contains(RELEASE + "-metrics." + NS + ".svc:9000/q/health/ready");
        assertThat(helm.render(RELEASE, NS, "--set", "tests.enabled=false")).noneMatch(ChartOptionsTest::isTestPod);
        assertThat(helm.render(RELEASE, NS, "--set", "metrics.service.enabled=false"))
                .noneMatch(ChartOptionsTest::isTestPod);
    }

    @Test
    void logLevelAndFormat() {
        assertThat(HelmChartTest.env(helm.render(RELEASE, NS))).containsEntry("LOG_JSON", "true")
                .containsEntry("QUARKUS_LOG_CATEGORY__COM_DITTOFS__LEVEL", "INFO");
        assertThat(HelmChartTest.env(helm.render(RELEASE, NS, "--set", "logging.format=text", "--set",
                "logging.level=DEBUG"))).containsEntry("LOG_JSON", "false")
                .containsEntry("QUARKUS_LOG_CATEGORY__COM_DITTOFS__LEVEL", "DEBUG");
        // the older boolean still works, and wins when given
        assertThat(HelmChartTest.env(helm.render(RELEASE, NS, "--set", "logging.json=false")))
                .containsEntry("LOG_JSON", "false");
        Proc.Result wrong = helm.template(RELEASE, NS, "--set", "logging.level=TRACE");
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.err()).contains("logging/level");
        assertThat(helm.template(RELEASE, NS, "--set", "logging.format=xml").err()).contains("logging/format");
    }

    @Test
    void nativeFlavorPicksTheNativeTag() {
        String jvm = image(helm.render(RELEASE, NS));
        assertThat(jvm).isEqualTo("ghcr.io/dittofs/dittofs-operator:" + Build.projectVersion());
        assertThat(image(helm.render(RELEASE, NS, "--set", "image.flavor=native"))).isEqualTo(jvm + "-native");
        // an explicit tag is taken as it is
        assertThat(image(helm.render(RELEASE, NS, "--set", "image.flavor=native", "--set", "image.tag=1.2.3")))
                .endsWith(":1.2.3");
    }

    private static String image(List<JsonNode> docs) {
        return Rbac.only(docs, "Deployment", RELEASE).at("/spec/template/spec/containers/0/image").asText();
    }

    static boolean isTestPod(JsonNode doc) {
        return "Pod".equals(doc.path("kind").asText())
                && "test".equals(doc.at("/metadata/annotations/helm.sh~1hook").asText());
    }

    static JsonNode testPod(List<JsonNode> docs) {
        List<JsonNode> pods = docs.stream().filter(ChartOptionsTest::isTestPod).toList();
        assertThat(pods).hasSize(1);
        return pods.get(0);
    }

    @Test
    void sidecarDashboardNeedsNoImportInput() throws java.io.IOException {
        JsonNode configMap = Rbac.only(helm.render("r", "monitoring", "--set", "monitoring.grafanaDashboard.enabled=true"),
                "ConfigMap", "r-dittofs-operator-dashboard");
        String json = configMap.at("/data/dittofs-dashboard.json").asText();
        assertThat(json).doesNotContain("${DS_");
        JsonNode shipped = Yaml.JSON.readTree(json);
        JsonNode file = Yaml.JSON.readTree(Helm.CHART.resolve("files/dittofs-dashboard.json").toFile());
        assertThat(shipped.has("__inputs")).isFalse();
        assertThat(shipped.at("/templating/list/0/current")).isEmpty();
        assertThat(shipped.path("panels")).isEqualTo(file.path("panels"));
    }
}
