package com.dittofs.operator.api.v1alpha1;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** A Prometheus Operator ServiceMonitor for the -metrics Service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceMonitorSpec {

    @Default("false")
    @JsonPropertyDescription("Create a ServiceMonitor <name> (monitoring.coreos.com/v1) that scrapes the -metrics"
            + " Service. Takes effect once the Prometheus Operator's CRD is installed, also when that happens later.")
    private Boolean enabled = false;

    @Default("30s")
    @Pattern("^([0-9]+(ms|s|m|h))+$")
    @JsonPropertyDescription("Scrape interval, a Prometheus duration such as 30s or 1m.")
    private String interval = "30s";

    @JsonPropertyDescription("Extra labels on the ServiceMonitor, e.g. the one your Prometheus selects them by.")
    private Map<String, String> labels;

    /** Whether the spec asks for a ServiceMonitor (metrics themselves are checked at admission). */
    public static boolean enabledIn(DittoServerSpec spec) {
        return spec.getMetrics() != null && spec.getMetrics().getServiceMonitor() != null
                && Boolean.TRUE.equals(spec.getMetrics().getServiceMonitor().getEnabled());
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }
}
