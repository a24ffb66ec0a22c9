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
@JsonPropertyOrder({"logging", "shutdown_timeout", "database", "controlplane", "metrics", "kerberos"})
public record DfsConfig(
        Logging logging,
        @JsonProperty("shutdown_timeout") String shutdownTimeout,
        Database database,
        ControlPlane controlplane,
        Metrics metrics,
        Kerberos kerberos) {

    public DfsConfig(Logging logging, String shutdownTimeout, Database database, ControlPlane controlplane,
            Metrics metrics) {
        this(logging, shutdownTimeout, database, controlplane, metrics, null);
    }

    /**
     * Kerberos: dfs seeds its database from this block on first boot only (the operator converges it through the
     * REST API afterwards), but always takes the two paths from the file.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"enabled", "keytab_path", "krb5_conf", "service_principal", "realm", "netbios_domain",
        "dns_domain"})
    public record Kerberos(boolean enabled, @JsonProperty("keytab_path") String keytabPath,
            @JsonProperty("krb5_conf") String krb5Conf, @JsonProperty("service_principal") String servicePrincipal,
            String realm, @JsonProperty("netbios_domain") String netbiosDomain,
            @JsonProperty("dns_domain") String dnsDomain) {
    }

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
    public record ControlPlane(String host, int port, Jwt jwt, Tls tls) {
    }

    /** Token lifetimes only: the signing secret comes from the environment. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Jwt(@JsonProperty("access_token_duration") String accessTokenDuration,
            @JsonProperty("refresh_token_duration") String refreshTokenDuration) {
    }

    /** File-based TLS: dfs re-reads the files when their mtime changes, so a rotated Secret needs no restart. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cert_file", "key_file", "client_ca", "min_version"})
    public record Tls(@JsonProperty("cert_file") String certFile, @JsonProperty("key_file") String keyFile,
            @JsonProperty("client_ca") String clientCa, @JsonProperty("min_version") String minVersion) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"enabled", "host", "port", "path", "auth", "token_file"})
    public record Metrics(boolean enabled, String host, Integer port, String path, String auth,
            @JsonProperty("token_file") String tokenFile) {
    }
}
