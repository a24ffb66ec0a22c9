package com.dittofs.operator.api.v1alpha1;

import com.dittofs.operator.naming.Ports;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** The dfs Prometheus endpoint, exposed by the -metrics Service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.serviceMonitor) || !self.serviceMonitor.enabled || self.enabled",
        message = "metrics.serviceMonitor.enabled needs metrics.enabled")
@ValidationRule(value = "!has(self.bearerTokenSecret) || self.enabled",
        message = "metrics.bearerTokenSecret needs metrics.enabled")
public class MetricsSpec {

    @Default("false")
    @JsonPropertyDescription("Serve Prometheus metrics at /metrics and create the -metrics Service.")
    private Boolean enabled = false;

    @Default("9090")
    @Min(1024)
    @Max(65535)
    @JsonPropertyDescription("Port of the metrics listener, both in the container and on the -metrics Service.")
    private Integer port = 9090;

    @Default("/metrics")
    @Size(max = 256)
    @Pattern("^/[A-Za-z0-9._~/-]*$")
    @JsonPropertyDescription("HTTP path of the metrics endpoint (dfs's default /metrics), also used by the"
            + " ServiceMonitor.")
    private String path = "/metrics";

    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "metrics.bearerTokenSecret needs both name and key")
    @JsonPropertyDescription("Secret key holding a bearer token that scrapers must present (dfs metrics.auth token)."
            + " Mounted as a file dfs reads at start, so a new value restarts the pod. The ServiceMonitor sends it,"
            + " and the operator uses it to read the dfs version. The name is the Go operator's.")
    private SecretKeySelector bearerTokenSecret;

    @JsonPropertyDescription("A Prometheus Operator ServiceMonitor for the -metrics Service.")
    private ServiceMonitorSpec serviceMonitor;

    /** Whether the spec asks for metrics (the one test of it for the Service, config, version and pod reads). */
    public static boolean enabledIn(DittoServerSpec spec) {
        return spec.getMetrics() != null && Boolean.TRUE.equals(spec.getMetrics().getEnabled());
    }

    /** The metrics path, dfs's default when the spec has none (an object stored before the field existed). */
    public static String pathIn(DittoServerSpec spec) {
        return spec.getMetrics() == null || spec.getMetrics().getPath() == null ? Ports.METRICS_PATH
                : spec.getMetrics().getPath();
    }

    /** Whether scrapers must present the bearer token. */
    public static boolean tokenIn(DittoServerSpec spec) {
        return enabledIn(spec) && spec.getMetrics().getBearerTokenSecret() != null;
    }

    public SecretKeySelector getBearerTokenSecret() {
        return bearerTokenSecret;
    }

    public void setBearerTokenSecret(SecretKeySelector bearerTokenSecret) {
        this.bearerTokenSecret = bearerTokenSecret;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
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
