package com.dittofs.operator.dfsconfig;

import java.io.UncheckedIOException;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DatabaseType;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.MetricsSpec;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Renders a DittoServer spec into the dfs config file. Pure: the same spec always gives the same bytes. */
public final class DfsConfigRenderer {

    /** Listen on every interface: in a pod, the loopback default would hide dfs from its Services and probes. */
    static final String ALL_INTERFACES = "0.0.0.0";
    /** Each of dfs's shutdown stages is bounded by this; the pod's grace period is sized for three stages. */
    static final String SHUTDOWN_TIMEOUT = "30s";
    static final int POSTGRES_DEFAULT_PORT = 5432;
    static final String POSTGRES_DEFAULT_SSLMODE = "require";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // a string that looks like a number stays a string (min_version "1.3", not the float 1.3)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private DfsConfigRenderer() {
    }

    public static DfsConfig model(DittoServerSpec spec) {
        var logging = new DfsConfig.Logging(spec.getLogging().getLevel().name(),
                spec.getLogging().getFormat().name().toLowerCase(java.util.Locale.ROOT), "stdout");
        // A Percona cluster is PostgreSQL too: host, database, user and password come from its user Secret.
        var database = spec.getDatabase().getType() == DatabaseType.POSTGRES || PerconaSpec.enabledIn(spec)
                ? new DfsConfig.Database("postgres", null,
                        new DfsConfig.Postgres(POSTGRES_DEFAULT_PORT, POSTGRES_DEFAULT_SSLMODE))
                : new DfsConfig.Database("sqlite", new DfsConfig.Sqlite(Names.SQLITE_PATH), null);
        var controlPlane = new DfsConfig.ControlPlane(ALL_INTERFACES, spec.getControlPlane().getPort(), tls(spec));
        var metrics = MetricsSpec.enabledIn(spec)
                ? new DfsConfig.Metrics(true, ALL_INTERFACES, spec.getMetrics().getPort(), Ports.METRICS_PATH)
                : new DfsConfig.Metrics(false, null, null, null);
        return new DfsConfig(logging, SHUTDOWN_TIMEOUT, database, controlPlane, metrics);
    }

    /** The mounted certificate Secret (HTTPS unless spec.controlPlane.tls.mode is Disabled), or null for plain HTTP. */
    static DfsConfig.Tls tls(DittoServerSpec spec) {
        if (!ControlPlaneTlsSpec.enabledIn(spec)) {
            return null;
        }
        ControlPlaneTlsSpec tls = spec.getControlPlane().getTls();
        return new DfsConfig.Tls(Names.TLS_DIR + "/" + Names.TLS_CERT_KEY, Names.TLS_DIR + "/" + Names.TLS_PRIVATE_KEY,
                tls == null ? null : tls.getMinVersion());
    }

    public static String render(DittoServerSpec spec) {
        try {
            return YAML.writeValueAsString(model(spec));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
