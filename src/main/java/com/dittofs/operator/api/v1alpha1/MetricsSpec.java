package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** The dfs Prometheus endpoint, exposed by the -metrics Service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.serviceMonitor) || !self.serviceMonitor.enabled || self.enabled",
        message = "metrics.serviceMonitor.enabled needs metrics.enabled")
public class MetricsSpec {

    @Default("false")
    @JsonPropertyDescription("Serve Prometheus metrics at /metrics and create the -metrics Service.")
    private Boolean enabled = false;

    @Default("9090")
    @Min(1024)
    @Max(65535)
    @JsonPropertyDescription("Port of the metrics listener, both in the container and on the -metrics Service.")
    private Integer port = 9090;

    @JsonPropertyDescription("A Prometheus Operator ServiceMonitor for the -metrics Service.")
    private ServiceMonitorSpec serviceMonitor;

    /** Whether the spec asks for metrics (the one test of it for the Service, config, version and pod reads). */
    public static boolean enabledIn(DittoServerSpec spec) {
        return spec.getMetrics() != null && Boolean.TRUE.equals(spec.getMetrics().getEnabled());
    }

    public ServiceMonitorSpec getServiceMonitor() {
        return serviceMonitor;
    }

    public void setServiceMonitor(ServiceMonitorSpec serviceMonitor) {
        this.serviceMonitor = serviceMonitor;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
