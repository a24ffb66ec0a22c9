package com.dittofs.operator.api.v1alpha1;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.kube.NetworkPolicyPeerSchema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * An opt-in NetworkPolicy {@code <name>} for the server pod: who may reach its file, API and metrics ports. It only
 * takes effect where the cluster's network plugin enforces NetworkPolicies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkPolicySpec {

    /** What Kubernetes demands of a NetworkPolicyPeer, checked at admission rather than when the policy is applied. */
    static final String PEERS_RULE = "self.all(p, has(p.ipBlock) ? (has(p.ipBlock.cidr) && !has(p.podSelector)"
            + " && !has(p.namespaceSelector)) : (has(p.podSelector) || has(p.namespaceSelector)))";
    static final String PEERS_MESSAGE = "each peer is either an ipBlock with a cidr (and nothing else), or a"
            + " podSelector and/or a namespaceSelector";

    @Default("false")
    @JsonPropertyDescription("Create a NetworkPolicy <name> that admits traffic to the server pod only as listed here;"
            + " disabling it deletes the policy.")
    private Boolean enabled = false;

    @ValidationRule(value = PEERS_RULE, message = PEERS_MESSAGE)
    @Size(max = 32)
    @SchemaFrom(type = NetworkPolicyPeerSchema.Items.class)
    @JsonPropertyDescription("Peers (namespace and pod selectors, ipBlock CIDRs) allowed to the NFS and SMB ports."
            + " Empty or omitted admits every client, as a LoadBalancer exposure needs.")
    private List<NetworkPolicyPeer> fileClients;

    @ValidationRule(value = PEERS_RULE, message = PEERS_MESSAGE)
    @Size(max = 32)
    @SchemaFrom(type = NetworkPolicyPeerSchema.Items.class)
    @JsonPropertyDescription("Peers allowed to the REST API besides the operator's own namespace (always admitted:"
            + " the operator configures dfs through it). Omitted: the operator only.")
    private List<NetworkPolicyPeer> apiClients;

    @ValidationRule(value = PEERS_RULE, message = PEERS_MESSAGE)
    @Size(max = 32)
    @SchemaFrom(type = NetworkPolicyPeerSchema.Items.class)
    @JsonPropertyDescription("Peers allowed to the metrics port, e.g. the namespace of Prometheus. Omitted: nobody.")
    private List<NetworkPolicyPeer> metricsClients;

    /** Whether the spec asks for a NetworkPolicy. */
    public static boolean enabledIn(DittoServerSpec spec) {
        return spec.getNetworkPolicy() != null && Boolean.TRUE.equals(spec.getNetworkPolicy().getEnabled());
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public List<NetworkPolicyPeer> getFileClients() {
        return fileClients;
    }

    public void setFileClients(List<NetworkPolicyPeer> fileClients) {
        this.fileClients = fileClients;
    }

    public List<NetworkPolicyPeer> getApiClients() {
        return apiClients;
    }

    public void setApiClients(List<NetworkPolicyPeer> apiClients) {
        this.apiClients = apiClients;
    }

    public List<NetworkPolicyPeer> getMetricsClients() {
        return metricsClients;
    }

    public void setMetricsClients(List<NetworkPolicyPeer> metricsClients) {
        this.metricsClients = metricsClients;
    }
}
