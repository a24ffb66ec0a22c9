package com.dittofs.operator.dfsconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DatabaseType;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
import com.dittofs.operator.api.v1alpha1.MetricsSpec;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import com.dittofs.operator.api.v1alpha1.S3Spec;
import com.dittofs.operator.naming.Names;

/** Which environment variables the dfs container gets, and from which Secret keys. Pure functions of the spec. */
public final class PodEnvironment {

    public static final String JWT_SECRET_ENV = "DITTOFS_CONTROLPLANE_SECRET";
    public static final String ADMIN_PASSWORD_ENV = "DITTOFS_ADMIN_INITIAL_PASSWORD";
    /** The S3 credentials, named as the AWS SDK in dfs reads them; the data-plane step reads the same values. */
    public static final String S3_ACCESS_KEY_ID_ENV = "AWS_ACCESS_KEY_ID";
    public static final String S3_SECRET_ACCESS_KEY_ENV = "AWS_SECRET_ACCESS_KEY";
    public static final String S3_ENDPOINT_ENV = "AWS_ENDPOINT_URL";
    static final String POSTGRES_PREFIX = "DITTOFS_DATABASE_POSTGRES_";
    static final String POSTGRES_FIELD = "spec.database.postgresSecretRef";
    static final String S3_FIELD = "spec.s3.credentialsSecretRef";
    static final String PERCONA_FIELD = "spec.percona";
    static final String TLS_FIELD = "spec.controlPlane.tls.secretName";
    public static final String METRICS_TOKEN_FIELD = "spec.metrics.bearerTokenSecret";
    static final String CLIENT_CA_FIELD = "spec.controlPlane.tls.clientAuth.caSecretRef";

    private PodEnvironment() {
    }

    /** Secret-fed variables, in a stable order. */
    public static List<SecretBinding> secretBindings(DittoServer server) {
        DittoServerSpec spec = server.getSpec();
        List<SecretBinding> bindings = new ArrayList<>();
        var jwt = spec.getIdentity() == null || spec.getIdentity().getJwt() == null
                ? null : spec.getIdentity().getJwt().getSecretRef();
        bindings.add(jwt == null
                ? SecretBinding.generated(JWT_SECRET_ENV, Names.jwtSecret(server), Names.JWT_SECRET_KEY)
                : SecretBinding.required(JWT_SECRET_ENV, jwt.getName(), jwt.getKey(), "spec.identity.jwt.secretRef"));
        var admin = spec.getIdentity() == null || spec.getIdentity().getAdmin() == null
                ? null : spec.getIdentity().getAdmin().getPasswordSecretRef();
        bindings.add(admin == null
                ? SecretBinding.generated(ADMIN_PASSWORD_ENV, Names.adminSecret(server), Names.ADMIN_PASSWORD_KEY)
                : SecretBinding.required(ADMIN_PASSWORD_ENV, admin.getName(), admin.getKey(),
                        "spec.identity.admin.passwordSecretRef"));
        if (PerconaSpec.enabledIn(spec)) {
            // Not required here: the database readiness (DatabaseReady) owns this Secret, so that a cluster still
            // being created is not reported as a missing Secret of the pod. The StatefulSet waits for both.
            perconaBindings(server).forEach(b -> bindings.add(
                    new SecretBinding(b.env(), b.secret(), b.keys(), false, b.field(), false)));
        } else if (spec.getDatabase().getType() == DatabaseType.POSTGRES) {
            String pg = spec.getDatabase().getPostgresSecretRef().getName();
            bindings.add(postgres("HOST", pg, true, "host"));
            bindings.add(postgres("PORT", pg, false, "port"));
            bindings.add(postgres("DATABASE", pg, true, "database", "dbname"));
            bindings.add(postgres("USER", pg, true, "user", "username"));
            bindings.add(postgres("PASSWORD", pg, true, "password"));
            bindings.add(postgres("SSLMODE", pg, false, "sslmode"));
        }
        bindings.addAll(s3Bindings(spec.getS3()));
        bindings.addAll(tlsBindings(server));
        bindings.addAll(kerberosBindings(spec));
        metricsToken(spec).ifPresent(bindings::add);
        clientCa(spec).ifPresent(bindings::add);
        return bindings;
    }

    /**
     * The CA bundle dfs verifies client certificates with, read at start: the user's, or (clientAuth: {}) the
     * namespace CA's ca.crt, so that a renewed CA (from which the operator's client certificate is issued at once)
     * restarts dfs with the new bundle instead of leaving the operator locked out.
     */
    static Optional<SecretBinding> clientCa(DittoServerSpec spec) {
        return ControlPlaneTlsSpec.clientAuthIn(spec).map(auth -> auth.getCaSecretRef() == null
                ? new SecretBinding(null, Names.API_CA_SECRET, List.of(Names.TLS_CA_KEY), true,
                        "generated Secret " + Names.API_CA_SECRET + " (the operator's CA of the namespace)", true, true)
                : SecretBinding.mountedReadAtStart(auth.getCaSecretRef().getName(), auth.getCaSecretRef().getKey(),
                        CLIENT_CA_FIELD));
    }

    /** The metrics bearer token, mounted for dfs's metrics.token_file (read at start) and read by the operator. */
    static Optional<SecretBinding> metricsToken(DittoServerSpec spec) {
        if (!MetricsSpec.tokenIn(spec)) {
            return Optional.empty();
        }
        var ref = spec.getMetrics().getBearerTokenSecret();
        return Optional.of(SecretBinding.mountedReadAtStart(ref.getName(), ref.getKey(),
                METRICS_TOKEN_FIELD));
    }

    /**
     * The Kerberos keytab and krb5.conf, mounted at {@link Names#KERBEROS_DIR}: required, so that a missing one holds
     * the pod back with SecretMissing rather than a dfs that exits. dfs reloads the keytab, not krb5.conf.
     */
    static List<SecretBinding> kerberosBindings(DittoServerSpec spec) {
        var kerberos = KerberosSpec.enabledIn(spec);
        if (kerberos.isEmpty()) {
            return List.of();
        }
        var keytab = kerberos.get().getKeytabSecretRef();
        var krb5 = kerberos.get().getKrb5ConfSecretRef();
        return List.of(SecretBinding.mounted(keytab.getName(), keytab.getKey(), true,
                        "spec.identity.kerberos.keytabSecretRef"),
                SecretBinding.mountedReadAtStart(krb5.getName(), krb5.getKey(),
                        "spec.identity.kerberos.krb5ConfSecretRef"));
    }

    /** The S3 credentials (and endpoint) of the remote block store, from spec.s3.credentialsSecretRef. */
    private static List<SecretBinding> s3Bindings(S3Spec s3) {
        if (s3 == null) {
            return List.of();
        }
        var ref = s3.getCredentialsSecretRef();
        List<SecretBinding> bindings = new ArrayList<>();
        bindings.add(SecretBinding.required(S3_ACCESS_KEY_ID_ENV, ref.getName(), ref.getAccessKeyIdKey(), S3_FIELD));
        bindings.add(SecretBinding.required(S3_SECRET_ACCESS_KEY_ENV, ref.getName(), ref.getSecretAccessKeyKey(),
                S3_FIELD));
        if (ref.getEndpointKey() != null) {
            bindings.add(SecretBinding.required(S3_ENDPOINT_ENV, ref.getName(), ref.getEndpointKey(), S3_FIELD));
        }
        return bindings;
    }

    /**
     * The REST API's certificate Secret, mounted at {@link Names#TLS_DIR}: tls.crt and tls.key for dfs, ca.crt (when
     * present) for the operator, which verifies dfs with it. Without a Secret of the user's, the operator's own.
     */
    public static List<SecretBinding> tlsBindings(DittoServer server) {
        if (!ControlPlaneTlsSpec.enabledIn(server.getSpec())) {
            return List.of();
        }
        String secret = ControlPlaneTlsSpec.secretNameIn(server);
        if (ControlPlaneTlsSpec.operatorIssuedIn(server.getSpec())) {
            String field = "generated Secret " + secret;
            return List.of(new SecretBinding(null, secret, List.of(Names.TLS_CERT_KEY), true, field, true),
                    new SecretBinding(null, secret, List.of(Names.TLS_PRIVATE_KEY), true, field, true),
                    new SecretBinding(null, secret, List.of(Names.TLS_CA_KEY), true, field, true));
        }
        // with issuerRef, say who writes it: a Secret cert-manager has not issued yet is missing too
        String field = ControlPlaneTlsSpec.issuedIn(server.getSpec())
                ? TLS_FIELD + ", issued by cert-manager for the Certificate " + Names.apiCertificate(server)
                : TLS_FIELD;
        return List.of(
                SecretBinding.mounted(secret, Names.TLS_CERT_KEY, true, field),
                SecretBinding.mounted(secret, Names.TLS_PRIVATE_KEY, true, field),
                SecretBinding.mounted(secret, Names.TLS_CA_KEY, false, field));
    }

    /** Names of the user Secrets the pod reads (not the generated ones). */
    public static java.util.Set<String> userSecretNames(DittoServer server) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        secretBindings(server).stream().filter(b -> !b.generated()).forEach(b -> names.add(b.secret()));
        return names;
    }

    /** Plain variables (no secret value), in a stable order. */
    public static Map<String, String> literals(DittoServer server) {
        Map<String, String> env = new LinkedHashMap<>();
        S3Spec s3 = server.getSpec().getS3();
        if (s3 != null) {
            env.put("AWS_REGION", s3.getRegion());
            if (s3.getEndpoint() != null && s3.getCredentialsSecretRef().getEndpointKey() == null) {
                env.put("AWS_ENDPOINT_URL", s3.getEndpoint());
            }
        }
        return env;
    }

    /**
     * The user Secret the Percona operator writes ({@code <cluster>-pguser-dittofs}: host, port, dbname, user,
     * password, uri, ...) as DITTOFS_DATABASE_POSTGRES_*; {@code required} marks what the database needs to be
     * usable. dfs ignores ..._DBNAME, so dbname feeds ..._DATABASE. No sslmode key: the rendered default (require)
     * applies, and Percona serves TLS by default.
     */
    public static List<SecretBinding> perconaBindings(DittoServer server) {
        String secret = Names.perconaUserSecret(server);
        return List.of(
                percona("HOST", secret, true, "host"),
                percona("PORT", secret, false, "port"),
                percona("DATABASE", secret, true, "dbname", "database"),
                percona("USER", secret, true, "user", "username"),
                percona("PASSWORD", secret, true, "password"));
    }

    private static SecretBinding postgres(String suffix, String secret, boolean required, String... keys) {
        return new SecretBinding(POSTGRES_PREFIX + suffix, secret, List.of(keys), required, POSTGRES_FIELD, false);
    }

    private static SecretBinding percona(String suffix, String secret, boolean required, String... keys) {
        return new SecretBinding(POSTGRES_PREFIX + suffix, secret, List.of(keys), required, PERCONA_FIELD, false);
    }
}
