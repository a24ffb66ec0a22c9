package com.dittofs.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/**
 * The alerts and the dashboard are shipped twice (chart files and docs/monitoring) and must say the same; each alert
 * is complete. (Whether their metrics exist is MonitoringIT's business: against the running operator and real dfs.)
 */
class MonitoringArtifactsTest {

    @Test
    void docsCopiesEqualTheChartFiles() {
        JsonNode docsRule = MonitoringArtifacts.read(MonitoringArtifacts.DOCS_RULE, new YAMLMapper());
        assertThat(docsRule.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(docsRule.path("spec").path("groups"))
                .as("docs/monitoring/prometheusrule.yaml spec.groups vs helm/dittofs-operator/files/dittofs-alerts.yaml")
                .isEqualTo(MonitoringArtifacts.alerts().path("groups"));
        assertThat(MonitoringArtifacts.read(MonitoringArtifacts.DOCS_DASHBOARD, new ObjectMapper()))
                .as("docs/monitoring/dittofs-dashboard.json vs the chart's files/dittofs-dashboard.json")
                .isEqualTo(MonitoringArtifacts.dashboard());
    }

    @Test
    void everyAlertIsComplete() {
        JsonNode groups = MonitoringArtifacts.alerts().path("groups");
        assertThat(groups).isNotEmpty();
        groups.forEach(g -> assertThat(g.path("rules")).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.path("alert").asText()).as(rule.toString()).matches("[A-Z][A-Za-z]+");
            assertThat(rule.path("expr").asText()).isNotBlank();
            assertThat(rule.path("for").asText()).matches("[0-9]+m");
            assertThat(rule.path("labels").path("severity").asText()).isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
        }));
        assertThat(groups.findValuesAsText("alert")).contains("DittoServerNotReady", "DittoServerDataPlaneFailing",
                "DittoFSOperatorReconcileErrors");
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(MonitoringArtifacts.metricNames(
                "sum by (phase) (rate(dittofs_operator_reconciles_total{result=\"error\"}[10m])) > 0"))
                .containsExactly("dittofs_operator_reconciles_total");
        assertThat(MonitoringArtifacts.metricNames("histogram_quantile(0.95, sum by (le, protocol) "
                + "(rate(dittofs_adapter_request_duration_seconds_bucket[5m])))"))
                .containsExactly("dittofs_adapter_request_duration_seconds_bucket");
        assertThat(MonitoringArtifacts.metricNames("sum(a{x!=\"True\"}) - sum(b) > 0")).containsExactly("a", "b");
        assertThat(MonitoringArtifacts.allMetricNames()).contains("dittofs_operator_servers",
                "dittofs_operator_server_conditions", "dittofs_operator_dfs_api_calls_total", "dittofs_build_info");
    }

    @Test
    void importingTheDashboardAsksForItsPrometheus() {
        JsonNode dashboard = MonitoringArtifacts.dashboard();
        // Grafana's import asks for each __inputs entry and replaces ${NAME} everywhere by the choice
        assertThat(dashboard.path("__inputs")).singleElement().satisfies(input -> {
            assertThat(input.path("type").asText()).isEqualTo("datasource");
            assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
            assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
        });
        assertThat(dashboard.path("__requires").findValuesAsText("id")).contains("grafana", "prometheus");
        JsonNode variable = dashboard.at("/templating/list/0");
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.at("/current/value").asText()).isEqualTo("${DS_PROMETHEUS}");
        // the panels query through the variable, so the sidecar install (no import, no input) works as well
        assertThat(dashboard.path("panels")).allSatisfy(p -> {
            if (!"row".equals(p.path("type").asText())) {
                assertThat(p.at("/datasource/uid").asText()).as(p.path("title").asText()).isEqualTo("${datasource}");
            }
        });
        java.util.Set<String> panelTypes = new java.util.TreeSet<>(dashboard.path("panels").findValuesAsText("type"));
        panelTypes.remove("row");
        assertThat(dashboard.path("__requires").findValuesAsText("id")).containsAll(panelTypes);
    }

    @Test
    void dashboardPanelsAllQuerySomething() {
        assertThat(MonitoringArtifacts.dashboard().path("panels")).allSatisfy(p -> {
            if (!"row".equals(p.path("type").asText())) {
                assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
            }
        });
    }
}
