package com.dittofs.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.dittofs.operator.packaging.MonitoringGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/**
 * The alerts and the dashboard are generated from one source, src/main/monitoring/signals.yaml (MonitoringGenerator),
 * and committed in the chart and in docs/monitoring: each committed copy is what the source generates, byte for byte;
 * each alert is complete. (Whether their metrics exist is MonitoringIT's business: against the running operator and
 * real dfs.)
 */
class MonitoringArtifactsTest {

    static final MonitoringGenerator GENERATOR = MonitoringGenerator.read(Path.of(""));

    @Test
    void committedCopiesAreWhatTheSourceGenerates() throws IOException {
        Map<String, String> generated = GENERATOR.files();
        assertThat(generated.keySet()).isEqualTo(MonitoringGenerator.COPIES.keySet());
        for (var copy : MonitoringGenerator.COPIES.entrySet()) {
            assertThat(Files.readString(Path.of(copy.getValue())))
                    .as("%s is generated from %s: regenerate with mvn -B package -DskipTests -Dpackaging.sync=true",
                            copy.getValue(), MonitoringGenerator.SOURCE)
                    .isEqualTo(generated.get(copy.getKey()));
        }
        assertThat(MonitoringArtifacts.read(MonitoringArtifacts.DOCS_RULE, new YAMLMapper()).path("kind").asText())
                .isEqualTo("PrometheusRule");
    }

    @Test
    void everySignalOfTheSourceBecomesAPanelAndEachOfItsAlertsARule() {
        JsonNode source = MonitoringArtifacts.read(Path.of(MonitoringGenerator.SOURCE), new YAMLMapper());
        Map<String, JsonNode> rules = new java.util.LinkedHashMap<>();
        MonitoringArtifacts.alerts().at("/groups/0/rules").forEach(r -> rules.put(r.path("alert").asText(), r));
        Map<String, JsonNode> panels = new java.util.LinkedHashMap<>();
        MonitoringArtifacts.dashboard().path("panels").forEach(p -> panels.put(p.path("title").asText(), p));
        int alerts = 0;
        for (JsonNode row : source.path("rows")) {
            assertThat(panels.get(row.path("title").asText()).path("type").asText()).isEqualTo("row");
            for (JsonNode signal : row.path("signals")) {
                JsonNode panel = panels.get(signal.path("title").asText());
                assertThat(panel).as(signal.path("title").asText()).isNotNull();
                assertThat(panel.at("/targets/0/expr").asText()).isEqualTo(signal.path("expr").asText());
                assertThat(panel.at("/fieldConfig/defaults/unit").asText()).isEqualTo(signal.path("unit").asText());
                for (JsonNode alert : signal.path("alerts")) {
                    alerts++;
                    JsonNode rule = rules.get(alert.path("alert").asText());
                    assertThat(rule).as(alert.path("alert").asText()).isNotNull();
                    String threshold = alert.path("threshold").asText();
                    assertThat(rule.path("expr").asText()).isEqualTo(alert.path("expr").asText()
                            + (threshold.isEmpty() ? "" : " " + threshold));
                    assertThat(rule.path("for").asText()).isEqualTo(alert.path("for").asText());
                    assertThat(rule.at("/labels/severity").asText()).isEqualTo(alert.path("severity").asText());
                }
            }
        }
        assertThat(rules).hasSize(alerts);
    }

    @Test
    void panelsFillTheGridWithoutOverlapping() {
        java.util.Set<String> cells = new java.util.HashSet<>();
        MonitoringArtifacts.dashboard().path("panels").forEach(p -> {
            JsonNode g = p.path("gridPos");
            assertThat(g.path("x").asInt() + g.path("w").asInt()).as(p.path("title").asText()).isLessThanOrEqualTo(24);
            for (int x = g.path("x").asInt(); x < g.path("x").asInt() + g.path("w").asInt(); x++) {
                for (int y = g.path("y").asInt(); y < g.path("y").asInt() + g.path("h").asInt(); y++) {
                    assertThat(cells.add(x + "," + y)).as("%s overlaps at %d,%d", p.path("title").asText(), x, y)
                            .isTrue();
                }
            }
        });
        assertThat(MonitoringArtifacts.dashboard().path("panels").findValuesAsText("id"))
                .as("ids 1, 2, ... in order").isEqualTo(java.util.stream.IntStream.rangeClosed(1,
                        MonitoringArtifacts.dashboard().path("panels").size()).mapToObj(String::valueOf).toList());
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
