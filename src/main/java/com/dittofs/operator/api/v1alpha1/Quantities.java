package com.dittofs.operator.api.v1alpha1;

/** Schema patterns shared by the spec classes. */
final class Quantities {
    /** A positive Kubernetes storage quantity: a number with an optional binary or decimal suffix (10Gi, 500M). */
    static final String STORAGE = "^([0-9]+(\\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";

    /** A transition rule on a storage quantity: it may grow or stay, never shrink (a volume cannot). */
    static final String NO_SHRINK = "!isQuantity(self) || !isQuantity(oldSelf)"
            + " || quantity(self).compareTo(quantity(oldSelf)) >= 0";

    /** An object name such as a Secret's or a StorageClass's (DNS-1123 subdomain; the length is bounded apart). */
    static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    /** A Go duration as dfs parses it (time.ParseDuration), without a sign: 15m, 1h30m, 168h. */
    static final String GO_DURATION = "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$";
    /** A key of a Secret's data. */
    static final String SECRET_KEY = "^[-._a-zA-Z0-9]+$";
    /** An IPv4 address without leading zeros, or an IPv6 address (loosely: hex groups and colons). */
    static final String IP = "^(((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7})$";

    private Quantities() {
    }
}
