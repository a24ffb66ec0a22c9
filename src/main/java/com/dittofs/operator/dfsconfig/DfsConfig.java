package com.dittofs.operator.dfsconfig;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The subset of the dfs config file (config.yaml) the operator renders. Secrets never appear here: they reach dfs
 * as DITTOFS_* environment variables, which take precedence over the file.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"logging", "shutdown_timeout", "database", "controlplane", "metrics"})
public record DfsConfig(
        Logging logging,
        @JsonProperty("shutdown_timeout") String shutdownTimeout,
        Database database,
        ControlPlane controlplane,
        Metrics metrics) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Logging(String level, String format, String output) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Database(String type, Sqlite sqlite, Postgres postgres) {
    }

    @RegisterForReflection
    public record Sqlite(String path) {
    }

    /** Non-secret PostgreSQL defaults; host, database, user, password (and overrides) come from the environment. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Postgres(Integer port, String sslmode) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ControlPlane(String host, int port, Tls tls) {
    }

    /** File-based TLS: dfs re-reads the files when their mtime changes, so a rotated Secret needs no restart. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cert_file", "key_file", "min_version"})
    public record Tls(@JsonProperty("cert_file") String certFile, @JsonProperty("key_file") String keyFile,
            @JsonProperty("min_version") String minVersion) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metrics(boolean enabled, String host, Integer port, String path) {
    }
}
