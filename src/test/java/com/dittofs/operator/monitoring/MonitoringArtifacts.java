package com.dittofs.operator.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The shipped alerts and dashboard, and the metric names their PromQL expressions read. */
public final class MonitoringArtifacts {

    public static final Path CHART_ALERTS = Path.of("helm/dittofs-operator/files/dittofs-alerts.yaml");
    public static final Path CHART_DASHBOARD = Path.of("helm/dittofs-operator/files/dittofs-dashboard.json");
    public static final Path DOCS_RULE = Path.of("docs/monitoring/prometheusrule.yaml");
    public static final Path DOCS_DASHBOARD = Path.of("docs/monitoring/dittofs-dashboard.json");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "offset", "bool", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MonitoringArtifacts() {
    }

    public static JsonNode alerts() {
        return read(CHART_ALERTS, new YAMLMapper());
    }

    public static JsonNode dashboard() {
        return read(CHART_DASHBOARD, new ObjectMapper());
    }

    public static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every PromQL expression: the alerts' and the dashboard panels'. */
    public static List<String> expressions() {
        List<String> exprs = new ArrayList<>();
        alerts().path("groups").forEach(g -> g.path("rules").forEach(r -> exprs.add(r.path("expr").asText())));
        dashboard().path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        return exprs;
    }

    /** The metric names (sample names, e.g. with _total or _bucket) an expression reads. */
    public static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            String token = m.group();
            boolean call = stripped.substring(m.end()).stripLeading().startsWith("(");
            if (!call && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    public static Set<String> allMetricNames() {
        Set<String> names = new TreeSet<>();
        expressions().forEach(e -> names.addAll(metricNames(e)));
        return names;
    }

    /** Sample names in a Prometheus text exposition. */
    public static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }
}
