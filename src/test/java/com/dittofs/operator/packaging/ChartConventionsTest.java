package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values users expect of a chart, rendered with helm template: security contexts, commonLabels and
 * commonAnnotations, rbac.create, image.digest, and the monitoring objects' namespaces.
 */
class ChartConventionsTest extends WithHelm {

    static final String RELEASE = HelmChartTest.RELEASE;
    static final String NS = HelmChartTest.NS;
    static final String[] EVERYTHING = {"--set", "replicaCount=2", "--set", "metrics.serviceMonitor.enabled=true",
        "--set", "monitoring.prometheusRule.enabled=true", "--set", "monitoring.grafanaDashboard.enabled=true",
        "--set", "watch.mode=namespaces", "--set", "watch.namespaces={a,b}"};
    static final Set<String> RBAC_KINDS = Set.of("ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding");

    @Test
    void securityContextsAreValues() {
        // the defaults (restricted) are ManifestLintTest's; here: the values reach the pod and are validated
        JsonNode changed = podSpec(helm.render(RELEASE, NS, "--set", "podSecurityContext.fsGroup=2000", "--set",
                "securityContext.runAsUser=1001"));
        assertThat(changed.at("/securityContext/fsGroup").asInt()).isEqualTo(2000);
        assertThat(changed.at("/containers/0/securityContext/runAsUser").asInt()).isEqualTo(1001);
        assertThat(changed.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(helm.template(RELEASE, NS, "--set", "securityContext.runAsUser=-1").err())
                .contains("securityContext/runAsUser");
    }

    @Test
    void commonLabelsAndAnnotationsOnEveryObject() {
        List<JsonNode> docs = helm.render(RELEASE, NS, concat(EVERYTHING, "--set", "commonLabels.team=storage",
                "--set", "commonLabels.app\\.kubernetes\\.io/name=overridden", "--set",
                "commonAnnotations.owner=ops@example.com", "--set", "serviceAccount.annotations.owner=sa"));
        assertThat(docs).extracting(d -> d.path("kind").asText()).contains("CustomResourceDefinition",
                "Deployment", "ServiceAccount", "ClusterRole", "RoleBinding", "Role", "Service", "ServiceMonitor",
                "PrometheusRule", "ConfigMap", "PodDisruptionBudget", "Pod");
        for (JsonNode doc : docs) {
            String what = doc.path("kind").asText() + " " + doc.at("/metadata/name").asText();
            assertThat(doc.at("/metadata/labels/team").asText()).as(what).isEqualTo("storage");
            assertThat(doc.at("/metadata/annotations").has("owner")).as(what).isTrue();
            if (!doc.path("kind").asText().equals("CustomResourceDefinition")) {
                // the chart's own labels win over commonLabels
                assertThat(doc.at("/metadata/labels/app.kubernetes.io~1name").asText()).as(what)
                        .startsWith("dittofs-operator");
            }
        }
        JsonNode deployment = Rbac.only(docs, "Deployment", RELEASE);
        assertThat(deployment.at("/spec/template/metadata/labels/team").asText()).isEqualTo("storage");
        assertThat(deployment.at("/spec/selector/matchLabels").has("team")).isFalse();
        // an object's own annotations win; the CRD keeps its resource policy
        assertThat(Rbac.only(docs, "ServiceAccount", RELEASE).at("/metadata/annotations/owner").asText())
                .isEqualTo("sa");
        assertThat(Rbac.only(docs, "Deployment", RELEASE).at("/metadata/annotations/owner").asText())
                .isEqualTo("ops@example.com");
        JsonNode crd = Rbac.all(docs, "CustomResourceDefinition").get(0);
        assertThat(crd.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
        assertThat(ChartOptionsTest.testPod(docs).at("/metadata/annotations/helm.sh~1hook").asText())
                .isEqualTo("test");

        // by default, no annotations appear where there were none
        assertThat(Rbac.only(helm.render(RELEASE, NS), "Deployment", RELEASE).at("/metadata").has("annotations"))
                .isFalse();
        assertThat(helm.template(RELEASE, NS, "--set", "commonLabels.bad\\ key=x").err())
                .contains("'bad key' does not match");
    }

    @Test
    void rbacCreateFalseRendersNoRolesOrBindings() {
        List<JsonNode> with = helm.render(RELEASE, NS, EVERYTHING);
        assertThat(with).anyMatch(d -> RBAC_KINDS.contains(d.path("kind").asText()));
        List<JsonNode> without = helm.render(RELEASE, NS, concat(EVERYTHING, "--set", "rbac.create=false"));
        assertThat(without).noneMatch(d -> RBAC_KINDS.contains(d.path("kind").asText()));
        assertThat(without).extracting(d -> d.path("kind").asText()).contains("Deployment", "ServiceAccount");
        assertThat(helm.template(RELEASE, NS, "--set", "rbac.create=maybe").err()).contains("rbac/create");
    }

    @Test
    void digestPinsTheImageAndIgnoresTheTag() {
        String digest = "sha256:" + "a".repeat(64);
        assertThat(image(helm.render(RELEASE, NS, "--set", "image.digest=" + digest, "--set", "image.tag=1.2.3",
                "--set", "image.flavor=native"))).isEqualTo("ghcr.io/dittofs/dittofs-operator@" + digest);
        assertThat(image(helm.render(RELEASE, NS))).endsWith(":" + Build.projectVersion());
        assertThat(helm.template(RELEASE, NS, "--set", "image.digest=latest").err()).contains("image/digest");
    }

    @Test
    void monitoringObjectsGoWhereTheirNamespaceSays() {
        List<JsonNode> docs = helm.render(RELEASE, NS, "--set", "monitoring.prometheusRule.enabled=true", "--set",
                "monitoring.grafanaDashboard.enabled=true", "--set", "monitoring.prometheusRule.namespace=monitoring",
                "--set", "monitoring.grafanaDashboard.namespace=grafana");
        assertThat(Rbac.all(docs, "PrometheusRule").get(0).at("/metadata/namespace").asText())
                .isEqualTo("monitoring");
        assertThat(Rbac.all(docs, "ConfigMap").get(0).at("/metadata/namespace").asText()).isEqualTo("grafana");
        List<JsonNode> defaults = helm.render(RELEASE, NS, "--set", "monitoring.prometheusRule.enabled=true",
                "--set", "monitoring.grafanaDashboard.enabled=true");
        assertThat(Rbac.all(defaults, "PrometheusRule").get(0).at("/metadata/namespace").asText()).isEqualTo(NS);
        assertThat(Rbac.all(defaults, "ConfigMap").get(0).at("/metadata/namespace").asText()).isEqualTo(NS);
        assertThat(helm.template(RELEASE, NS, "--set", "monitoring.prometheusRule.namespace=Not_A_Name").err())
                .contains("monitoring/prometheusRule/namespace");
    }

    private static JsonNode podSpec(List<JsonNode> docs) {
        return Rbac.only(docs, "Deployment", RELEASE).at("/spec/template/spec");
    }

    private static String image(List<JsonNode> docs) {
        return podSpec(docs).at("/containers/0/image").asText();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
