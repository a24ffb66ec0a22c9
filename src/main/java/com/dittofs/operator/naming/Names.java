package com.dittofs.operator.naming;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Names of every object the operator manages, derived from the DittoServer name. Takes any {@link HasMetadata} (a
 * DittoServer is one) so that naming, the bottom layer, never depends on the api package.
 */
public final class Names {

    /** The controller's name, which JOSDK also uses as its server-side-apply field manager. */
    public static final String FIELD_MANAGER = "dittoserver";
    /** The DittoSnapshot controller's name, and its field manager. */
    public static final String SNAPSHOT_CONTROLLER = "dittosnapshot";

    public static final String CONFIG_KEY = "config.yaml";
    public static final String JWT_SECRET_KEY = "secret";
    public static final String ADMIN_PASSWORD_KEY = "password";
    public static final String ADMIN_USERNAME_KEY = "username";
    public static final String ADMIN_USERNAME = "admin";
    public static final String CONTAINER = "dfs";
    /** The opt-in init container that chowns the data volumes (spec.storage.volumePermissions). */
    public static final String VOLUME_PERMISSIONS_CONTAINER = "volume-permissions";
    /** The PostgreSQL user dfs connects as in a Percona cluster. */
    public static final String PERCONA_USER = "dittofs";
    /** The single instance set of a Percona cluster. */
    public static final String PERCONA_INSTANCE_SET = "instance1";

    /**
     * The mark the operator leaves in dfs on the users (display_name) and groups (description) it creates: the durable
     * record of what it made, written in the create call itself. dfs shares have no such field.
     */
    public static final String DFS_CREATED_MARK = "created by the DittoFS operator";

    /** Volume claim templates and the volumes of the pod. */
    public static final String VOLUME_METADATA = "metadata";
    public static final String VOLUME_CACHE = "cache";
    public static final String VOLUME_CONTENT = "content";
    public static final String VOLUME_CONFIG = "config";
    public static final String VOLUME_TMP = "tmp";
    public static final String VOLUME_TLS = "tls";
    public static final String VOLUME_LDAP_CA = "ldap-ca";
    public static final String VOLUME_KRB5_KEYTAB = "krb5-keytab";
    public static final String VOLUME_KRB5_CONF = "krb5-conf";
    public static final String VOLUME_LOGS = "logs";
    public static final String VOLUME_TLS_CLIENT_CA = "tls-client-ca";
    public static final String VOLUME_METRICS_TOKEN = "metrics-token";

    /** Keys of a kubernetes.io/tls Secret (ca.crt as cert-manager writes it). */
    public static final String TLS_CERT_KEY = "tls.crt";
    public static final String TLS_PRIVATE_KEY = "tls.key";
    public static final String TLS_CA_KEY = "ca.crt";

    /** Mount paths inside the dfs container. */
    public static final String CONFIG_DIR = "/config";
    public static final String DATA_DIR = "/data";
    public static final String METADATA_DIR = DATA_DIR + "/" + VOLUME_METADATA;
    public static final String CACHE_DIR = DATA_DIR + "/" + VOLUME_CACHE;
    public static final String CONTENT_DIR = DATA_DIR + "/" + VOLUME_CONTENT;
    public static final String TMP_DIR = "/tmp";
    /** The CA bundle dfs verifies client certificates with (controlplane.tls.client_ca), as one fixed file. */
    public static final String TLS_CLIENT_CA_DIR = "/tls-client-ca";
    /** Common name of the client certificate the operator issues itself for mutual TLS. */
    public static final String OPERATOR_CLIENT_NAME = "dittofs-operator";
    /** The metrics bearer token's Secret volume; the key is projected to the fixed file name. */
    public static final String METRICS_TOKEN_DIR = "/metrics-token";
    public static final String METRICS_TOKEN_FILE = "token";
    /** Where logging.output may put a log file: an emptyDir, the root filesystem being read-only. */
    public static final String LOG_DIR = "/var/log/dittofs";
    /** The REST API's certificate Secret, mounted whole (a subPath mount would never see a rotation). */
    public static final String TLS_DIR = "/tls";
    /** The LDAP CA Secret's key (items: key -> ca.crt), mounted whole so that the kubelet refreshes it. */
    public static final String IDENTITY_DIR = "/identity";
    public static final String LDAP_CA_DIR = IDENTITY_DIR + "/ldap-ca";
    /** The Kerberos keytab and krb5.conf, each a Secret key projected to a fixed file name. */
    public static final String KERBEROS_DIR = IDENTITY_DIR + "/kerberos";
    public static final String KRB5_CONF_DIR = IDENTITY_DIR + "/krb5";
    public static final String KEYTAB_FILE = KERBEROS_DIR + "/keytab";
    public static final String KRB5_CONF_FILE = KRB5_CONF_DIR + "/krb5.conf";
    public static final String LDAP_CA_FILE = LDAP_CA_DIR + "/" + TLS_CA_KEY;
    public static final String SQLITE_PATH = METADATA_DIR + "/controlplane.db";
    public static final String DFS_BINARY = "/app/dfs";

    /**
     * Longest DittoServer name. The StatefulSet is named after the server and its pods carry the label
     * controller-revision-hash=&lt;name&gt;-&lt;hash of up to 10 characters&gt;, which must fit a label value (63).
     */
    public static final int MAX_NAME_LENGTH = 52;
    /**
     * Longest DittoServer name with percona.enabled. Percona names the StatefulSet of an instance
     * &lt;name&gt;-db-instance1-&lt;4 random characters&gt;, and its pods' controller-revision-hash label must fit too:
     * 52 - 3 - 15.
     */
    public static final int MAX_NAME_LENGTH_WITH_PERCONA = 34;
    /** Service names are DNS-1035 labels: the DittoServer name must be one too, as every Service starts with it. */
    public static final String NAME_PATTERN = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

    private Names() {
    }

    public static String statefulSet(HasMetadata server) {
        return server.getMetadata().getName();
    }

    /** The (single) server pod the StatefulSet controller creates: set-ordinal. */
    public static String serverPod(HasMetadata server) {
        return statefulSet(server) + "-0";
    }

    /** The claim the StatefulSet controller creates for a volume of the server pod: template-pod. */
    public static String claim(HasMetadata server, String volume) {
        return volume + "-" + serverPod(server);
    }

    public static String config(HasMetadata server) {
        return server.getMetadata().getName() + "-config";
    }

    public static String headlessService(HasMetadata server) {
        return server.getMetadata().getName() + "-headless";
    }

    public static String fileService(HasMetadata server) {
        return server.getMetadata().getName() + "-file";
    }

    public static String apiService(HasMetadata server) {
        return server.getMetadata().getName() + "-api";
    }

    /** The name the REST API's certificate must carry: the operator verifies dfs against it. */
    public static String apiServiceHost(HasMetadata server) {
        return apiService(server) + "." + server.getMetadata().getNamespace() + ".svc";
    }

    /** The operator's CA in a namespace: signs the REST API certificates of every DittoServer there. */
    public static final String API_CA_SECRET = "dittofs-api-ca";

    /** The Secret of the REST API's certificate when the operator issues it (see ControlPlaneTlsSpec.secretNameIn). */
    public static String operatorApiTlsSecret(HasMetadata server) {
        return server.getMetadata().getName() + "-api-tls";
    }

    /** The server pod's stable DNS name, through the headless Service. */
    public static String serverPodHost(HasMetadata server) {
        return serverPod(server) + "." + headlessService(server) + "." + server.getMetadata().getNamespace() + ".svc";
    }

    /** The cert-manager Certificate of the REST API (spec.controlPlane.tls.issuerRef). */
    public static String apiCertificate(HasMetadata server) {
        return apiService(server);
    }

    public static String metricsService(HasMetadata server) {
        return server.getMetadata().getName() + "-metrics";
    }

    public static String jwtSecret(HasMetadata server) {
        return server.getMetadata().getName() + "-jwt";
    }

    public static String adminSecret(HasMetadata server) {
        return server.getMetadata().getName() + "-admin";
    }

    /** The opt-in NetworkPolicy of the server pod. */
    public static String networkPolicy(HasMetadata server) {
        return server.getMetadata().getName();
    }

    /** The ServiceMonitor of the -metrics Service. */
    public static String serviceMonitor(HasMetadata server) {
        return server.getMetadata().getName();
    }

    /** The PerconaPGCluster holding the control-plane database. */
    public static String perconaCluster(HasMetadata server) {
        return server.getMetadata().getName() + "-db";
    }

    /** The user Secret the Percona operator writes for {@link #PERCONA_USER} (its default name). */
    public static String perconaUserSecret(HasMetadata server) {
        return perconaCluster(server) + "-pguser-" + PERCONA_USER;
    }
}
