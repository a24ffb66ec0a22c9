package com.dittofs.operator.naming;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Label and annotation keys, and the label sets of managed objects. */
public final class Labels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String VERSION = "app.kubernetes.io/version";

    public static final String APP = "dittofs";
    public static final String OPERATOR = "dittofs-operator";

    /** Selects every object this operator manages; informers are scoped by it. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

    /** Put by the operator on user Secrets a DittoServer references, so that a label-scoped informer sees them. */
    public static final String WATCHED_SECRET = "dittofs.dittofs.com/watched";
    public static final String WATCHED_SELECTOR = WATCHED_SECRET + "=true";
    /**
     * Secret annotation: the operator put {@link #WATCHED_SECRET} there itself (not cert-manager from the
     * Certificate's template, not a person), so it takes the label off again once no DittoServer references the
     * Secret.
     */
    public static final String WATCH_ADDED = "dittofs.dittofs.com/watch-added";

    /** Put by the StatefulSet controller on each pod: the revision of the template the pod was made from. */
    public static final String STATEFULSET_REVISION = "controller-revision-hash";

    /** Pod-template annotation: hash of everything the pod consumes. */
    public static final String POD_INPUTS_HASH = "dittofs.dittofs.com/inputs-hash";

    /** DittoServer annotation: {@link #RECONCILE_PAUSED} stops every change to the server's objects and data plane. */
    public static final String RECONCILE = "dittofs.dittofs.com/reconcile";
    public static final String RECONCILE_PAUSED = "paused";

    public static final String COMPONENT_SERVER = "server";
    public static final String COMPONENT_CONFIG = "config";
    public static final String COMPONENT_FILE = "file";
    public static final String COMPONENT_API = "api";
    public static final String COMPONENT_METRICS = "metrics";
    public static final String COMPONENT_HEADLESS = "headless";
    public static final String COMPONENT_JWT = "jwt";
    public static final String COMPONENT_ADMIN = "admin-credentials";
    public static final String COMPONENT_DATABASE = "database";
    /** The cert-manager Certificate of the REST API. */
    public static final String COMPONENT_API_CERTIFICATE = "api-certificate";
    /** The REST API's certificate Secret the operator issues, and the operator's CA of a namespace. */
    public static final String COMPONENT_API_TLS = "api-tls";
    public static final String COMPONENT_API_CA = "api-ca";
    public static final String COMPONENT_NETWORK_POLICY = "network-policy";
    public static final String COMPONENT_SERVICE_MONITOR = "service-monitor";

    private Labels() {
    }

    /** A label selector for the operator's objects of any of these components (one informer for several). */
    public static String managedComponents(String... components) {
        return MANAGED_SELECTOR + "," + COMPONENT + " in (" + String.join(",", components) + ")";
    }

    /**
     * Labels of an object of the given component. The caller passes the server's image (spec.image): naming sits
     * below the api package and does not read a DittoServer's spec.
     */
    public static Map<String, String> of(HasMetadata server, String image, String component) {
        Map<String, String> labels = new LinkedHashMap<>(selector(server));
        labels.put(COMPONENT, component);
        labels.put(MANAGED_BY, OPERATOR);
        labels.put(VERSION, version(image));
        return labels;
    }

    /** The stable labels that select the server pod (never include anything that can change). */
    public static Map<String, String> selector(HasMetadata server) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, APP);
        labels.put(INSTANCE, server.getMetadata().getName());
        return labels;
    }

    /** The image tag as a label value (at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends). */
    static String version(String image) {
        String ref = image == null ? "" : image;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        String tag = colon > ref.lastIndexOf('/') ? ref.substring(colon + 1) : "unknown";
        tag = tag.replaceAll("[^A-Za-z0-9._-]", "-");
        tag = tag.length() > 63 ? tag.substring(0, 63) : tag;
        // A label value begins and ends with a letter or digit; an image tag may end in '.', '_' or '-'.
        tag = tag.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        return tag.isEmpty() ? "unknown" : tag;
    }
}
