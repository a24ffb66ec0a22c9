package com.dittofs.operator.dfsconfig;

import java.io.UncheckedIOException;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DatabaseType;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.JwtSpec;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
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
                spec.getLogging().getFormat().name().toLowerCase(java.util.Locale.ROOT),
                spec.getLogging().getOutput() == null ? "stdout" : spec.getLogging().getOutput());
        // A Percona cluster is PostgreSQL too: host, database, user and password come from its user Secret.
        var database = spec.getDatabase().getType() == DatabaseType.POSTGRES || PerconaSpec.enabledIn(spec)
                ? new DfsConfig.Database("postgres", null,
                        new DfsConfig.Postgres(POSTGRES_DEFAULT_PORT, POSTGRES_DEFAULT_SSLMODE))
                : new DfsConfig.Database("sqlite", new DfsConfig.Sqlite(Names.SQLITE_PATH), null);
        var controlPlane = new DfsConfig.ControlPlane(ALL_INTERFACES, spec.getControlPlane().getPort(), jwt(spec),
                tls(spec));
        boolean token = MetricsSpec.tokenIn(spec);
        var metrics = MetricsSpec.enabledIn(spec)
                ? new DfsConfig.Metrics(true, ALL_INTERFACES, spec.getMetrics().getPort(), MetricsSpec.pathIn(spec),
                        token ? "token" : null,
                        token ? Names.METRICS_TOKEN_DIR + "/" + Names.METRICS_TOKEN_FILE : null)
                : new DfsConfig.Metrics(false, null, null, null, null, null);
        return new DfsConfig(logging, SHUTDOWN_TIMEOUT, database, controlPlane, metrics, kerberos(spec));
    }

    /** The token lifetimes the spec sets, or null to keep dfs's defaults. */
    static DfsConfig.Jwt jwt(DittoServerSpec spec) {
        JwtSpec jwt = spec.getIdentity() == null ? null : spec.getIdentity().getJwt();
        if (jwt == null || (jwt.getAccessTokenDuration() == null && jwt.getRefreshTokenDuration() == null)) {
            return null;
        }
        return new DfsConfig.Jwt(jwt.getAccessTokenDuration(), jwt.getRefreshTokenDuration());
    }

    /** The mounted certificate Secret (HTTPS unless spec.controlPlane.tls.mode is Disabled), or null for plain HTTP. */
    static DfsConfig.Tls tls(DittoServerSpec spec) {
        if (!ControlPlaneTlsSpec.enabledIn(spec)) {
            return null;
        }
        ControlPlaneTlsSpec tls = spec.getControlPlane().getTls();
        String clientCa = ControlPlaneTlsSpec.clientAuthIn(spec).isPresent()
                ? Names.TLS_CLIENT_CA_DIR + "/" + Names.TLS_CA_KEY : null;
        return new DfsConfig.Tls(Names.TLS_DIR + "/" + Names.TLS_CERT_KEY, Names.TLS_DIR + "/" + Names.TLS_PRIVATE_KEY,
                clientCa, tls == null ? null : tls.getMinVersion());
    }

    /** The keytab and krb5.conf as mounted, and the policy dfs seeds its database with on first boot. */
    static DfsConfig.Kerberos kerberos(DittoServerSpec spec) {
        return KerberosSpec.enabledIn(spec)
                .map(k -> new DfsConfig.Kerberos(true, Names.KEYTAB_FILE, Names.KRB5_CONF_FILE,
                        k.getServicePrincipal(), k.getRealm(), k.getNetbiosDomain(), k.getDnsDomain()))
                .orElse(null);
    }

    public static String render(DittoServerSpec spec) {
        return write(model(spec));
    }

    /**
     * The config as dfs reads it at every start: without the Kerberos policy (principal, realm, domains), which dfs
     * takes from its database once seeded on first boot. An edit of those reaches dfs through the REST API and one
     * restart (KerberosSync); were they part of the pod's inputs too, the pod would roll a second time.
     */
    public static String renderReadAtEveryStart(DittoServerSpec spec) {
        DfsConfig config = model(spec);
        DfsConfig.Kerberos k = config.kerberos();
        if (k == null) {
            return write(config);
        }
        return write(new DfsConfig(config.logging(), config.shutdownTimeout(), config.database(),
                config.controlplane(), config.metrics(),
                new DfsConfig.Kerberos(k.enabled(), k.keytabPath(), k.krb5Conf(), null, null, null, null)));
    }

    private static String write(DfsConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
