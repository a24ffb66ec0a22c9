package com.dittofs.operator.dfsconfig;

import com.dittofs.operator.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DatabaseType;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.LogFormat;
import com.dittofs.operator.api.v1alpha1.LogLevel;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import org.junit.jupiter.api.Test;

class DfsConfigRendererTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(DittoServer server) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readValue(DfsConfigRenderer.render(server.getSpec()), Map.class);
    }

    @Test
    void basicSampleListensOnAllInterfacesWithSqliteOnTheMetadataVolume() throws Exception {
        Map<String, Object> config = parse(Fixtures.basic());
        assertThat(config).containsOnlyKeys("logging", "shutdown_timeout", "database", "controlplane", "metrics");
        assertThat(config.get("logging")).isEqualTo(Map.of("level", "INFO", "format", "json", "output", "stdout"));
        assertThat(config.get("shutdown_timeout")).isEqualTo("30s");
        assertThat(config.get("database"))
                .isEqualTo(Map.of("type", "sqlite", "sqlite", Map.of("path", "/data/metadata/controlplane.db")));
        assertThat(config.get("controlplane")).isEqualTo(Map.of("host", "0.0.0.0", "port", 8080, "tls",
                Map.of("cert_file", "/tls/tls.crt", "key_file", "/tls/tls.key")));
        assertThat(config.get("metrics")).isEqualTo(Map.of("enabled", false));
    }

    @Test
    void metricsEnabledListenOnAllInterfacesOnTheirPort() throws Exception {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getMetrics().setPort(9191);
        assertThat(parse(server).get("metrics"))
                .isEqualTo(Map.of("enabled", true, "host", "0.0.0.0", "port", 9191, "path", "/metrics"));
    }

    @Test
    void postgresRendersOnlyNonSecretDefaults() throws Exception {
        DittoServer server = Fixtures.basic();
        server.getSpec().getDatabase().setType(DatabaseType.POSTGRES);
        server.getSpec().getDatabase().setPostgresSecretRef(new LocalObjectReference("pg"));
        String yaml = DfsConfigRenderer.render(server.getSpec());
        assertThat(parse(server).get("database"))
                .isEqualTo(Map.of("type", "postgres", "postgres", Map.of("port", 5432, "sslmode", "require")));
        assertThat(yaml).doesNotContain("password").doesNotContain("pg");
    }

    @Test
    void loggingLevelAndFormatFollowTheSpec() throws Exception {
        DittoServer server = Fixtures.basic();
        server.getSpec().getLogging().setLevel(LogLevel.DEBUG);
        server.getSpec().getLogging().setFormat(LogFormat.TEXT);
        assertThat(parse(server).get("logging")).isEqualTo(Map.of("level", "DEBUG", "format", "text", "output", "stdout"));
    }

    @Test
    void metricsPathAndLogOutputFollowTheSpec() throws Exception {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getMetrics().setPath("/prom/metrics");
        server.getSpec().getLogging().setOutput("/var/log/dittofs/dfs.log");
        Map<String, Object> config = parse(server);
        assertThat(config.get("metrics")).extracting("path").isEqualTo("/prom/metrics");
        assertThat(config.get("logging")).extracting("output").isEqualTo("/var/log/dittofs/dfs.log");
        server.getSpec().getLogging().setOutput("stderr");
        assertThat(parse(server).get("logging")).extracting("output").isEqualTo("stderr");
    }

    /** Only the lifetimes the spec sets: an omitted one keeps dfs's default. */
    @SuppressWarnings("unchecked")
    @Test
    void jwtTokenLifetimesAreRenderedWhenSet() throws Exception {
        DittoServer server = Fixtures.basic();
        assertThat((Map<String, Object>) parse(server).get("controlplane")).doesNotContainKey("jwt");
        server.getSpec().setIdentity(new com.dittofs.operator.api.v1alpha1.IdentitySpec());
        server.getSpec().getIdentity().setJwt(new com.dittofs.operator.api.v1alpha1.JwtSpec());
        server.getSpec().getIdentity().getJwt().setAccessTokenDuration("30m");
        assertThat(parse(server).get("controlplane")).extracting("jwt")
                .isEqualTo(Map.of("access_token_duration", "30m"));
        server.getSpec().getIdentity().getJwt().setRefreshTokenDuration("24h");
        assertThat(parse(server).get("controlplane")).extracting("jwt")
                .isEqualTo(Map.of("access_token_duration", "30m", "refresh_token_duration", "24h"));
    }

    /** dfs reads the token from a file; the config names the file, never the token. */
    @Test
    void aMetricsBearerTokenTurnsOnTokenAuthFromTheMountedFile() throws Exception {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getMetrics().setBearerTokenSecret(new io.fabric8.kubernetes.api.model.SecretKeySelector(
                "scrape", "metrics-token", null));
        assertThat(parse(server).get("metrics")).isEqualTo(Map.of("enabled", true, "host", "0.0.0.0", "port", 9090,
                "path", "/metrics", "auth", "token", "token_file", "/metrics-token/token"));
        server.getSpec().getMetrics().setEnabled(false);
        assertThat(parse(server).get("metrics")).isEqualTo(Map.of("enabled", false));
    }

    @Test
    void controlPlanePortFollowsTheSpec() throws Exception {
        DittoServer server = Fixtures.basic();
        server.getSpec().getControlPlane().setPort(18080);
        assertThat(parse(server).get("controlplane")).extracting("host", "port").containsExactly("0.0.0.0", 18080);
    }

    @Test
    void s3AndSecretsNeverReachTheConfigFile() {
        String yaml = DfsConfigRenderer.render(Fixtures.s3().getSpec());
        assertThat(yaml).doesNotContain("my-dittofs-s3").doesNotContain("accessKey").doesNotContain("secret");
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(DfsConfigRenderer.render(Fixtures.s3().getSpec()))
                .isEqualTo(DfsConfigRenderer.render(Fixtures.s3().getSpec()));
    }
}
