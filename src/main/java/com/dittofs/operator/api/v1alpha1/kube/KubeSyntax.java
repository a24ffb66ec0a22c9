package com.dittofs.operator.api.v1alpha1.kube;

/**
 * The syntax Kubernetes demands of names, labels, CIDRs and sysctls (k8s.io/apimachinery validation), as OpenAPI
 * patterns and CEL rules. CEL's isCIDR and ip libraries exist for new CRDs only from Kubernetes 1.31, so CIDRs are
 * regular expressions here (IPv6 loosely: hex groups and colons).
 */
public final class KubeSyntax {

    /** A label key, annotation key, toleration key or topology key: an optional DNS prefix and a name of 63. */
    public static final String QUALIFIED_NAME = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
            + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$";
    /** The longest qualified name: a prefix of 253, the slash, a name of 63. */
    public static final int QUALIFIED_NAME_MAX = 317;
    /** A label value (empty allowed). */
    public static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";
    public static final int LABEL_VALUE_MAX = 63;
    /** A DNS-1123 label, such as a namespace name. */
    public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    /** A DNS-1123 subdomain, such as a Secret name (at most 253). */
    public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    /** An IPv4 CIDR without leading zeros, or an IPv6 CIDR. */
    public static final String CIDR = "^(((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])"
            + "|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$";
    public static final int CIDR_MAX = 49;
    /** A sysctl name, with dots or slashes between its parts. */
    public static final String SYSCTL = "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
    /** A resource name in requests and limits: a standard one or a domain-prefixed extended resource. */
    public static final String RESOURCE_NAME = "^(cpu|memory|ephemeral-storage|hugepages-[-.A-Za-z0-9]+"
            + "|([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?/[-._A-Za-z0-9]{1,63})$";

    /** CEL on a map of labels or annotations: every key is a qualified name. */
    public static final String KEYS_RULE = "self.all(k, k.matches('^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]"
            + "([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$')"
            + " && (!k.contains('/') || k.indexOf('/') <= 253))";
    public static final String KEYS_MESSAGE = "keys must be qualified names: an optional DNS subdomain prefix (at most"
            + " 253 characters) and '/', then at most 63 alphanumerics, '-', '_' or '.', starting and ending with an"
            + " alphanumeric";

    /** Keys per map of labels, annotations or node selectors. */
    public static final int MAX_KEYS = 64;
    /**
     * Longest annotation value: Kubernetes bounds the total of an object's annotations (256 KiB), not each value, so
     * one value may use all of it. The total is the apiserver's to check (a refusal then says SpecRejected).
     */
    public static final int MAX_ANNOTATION_VALUE = 262144;
    /** Items per list of the scheduling types (terms, expressions, tolerations). */
    public static final int MAX_TERMS = 16;
    /** Values per selector expression. */
    public static final int MAX_VALUES = 64;

    private KubeSyntax() {
    }
}
