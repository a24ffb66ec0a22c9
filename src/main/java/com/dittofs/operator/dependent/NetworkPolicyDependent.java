package com.dittofs.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.NetworkPolicySpec;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.config.OperatorNamespace;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * {@code <name>}: the opt-in NetworkPolicy of the server pod (ingress only). File ports from
 * networkPolicy.fileClients (everyone when none are listed), the API from the operator's namespace and
 * networkPolicy.apiClients, metrics from the operator's namespace and networkPolicy.metricsClients. Ports are the
 * container's named ports.
 */
@KubernetesDependent(informer = @Informer(itemStore = LeanItemStore.class,
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_NETWORK_POLICY))
public class NetworkPolicyDependent extends DittoDependent<NetworkPolicy> {

    /** Set by Kubernetes on every namespace (1.22+): selects a namespace by its name. */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    public NetworkPolicyDependent() {
        super(NetworkPolicy.class, Labels.COMPONENT_NETWORK_POLICY, Names::networkPolicy);
    }

    @Override
    protected NetworkPolicy desired(DittoServer server, Context<DittoServer> context) {
        return build(server, OperatorNamespace.of(context.getClient()));
    }

    NetworkPolicy build(DittoServer server, String operatorNamespace) {
        return new NetworkPolicyBuilder()
                .withMetadata(metadata(server, Names.networkPolicy(server)).build())
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(ServicePorts.podSelector(server)).endPodSelector()
                .withPolicyTypes("Ingress")
                .withIngress(rules(server.getSpec(), operatorNamespace))
                .endSpec()
                .build();
    }

    static List<NetworkPolicyIngressRule> rules(DittoServerSpec spec, String operatorNamespace) {
        NetworkPolicySpec policy = spec.getNetworkPolicy();
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        List<NetworkPolicyPort> filePorts = new ArrayList<>();
        if (spec.getNfs().getEnabled()) {
            filePorts.add(port(Ports.NFS));
        }
        if (spec.getNfs().portmapperServed()) {
            filePorts.add(port(Ports.PORTMAP));
            filePorts.add(port(Ports.PORTMAP_UDP, "UDP"));
        }
        if (spec.getNfs().udpServed()) {
            filePorts.add(port(Ports.NFS_UDP, "UDP"));
        }
        if (spec.getSmb().getEnabled()) {
            filePorts.add(port(Ports.SMB));
        }
        rules.add(rule(filePorts, orEmpty(policy.getFileClients())));
        rules.add(rule(List.of(port(Ports.API)), operatorAnd(operatorNamespace, policy.getApiClients())));
        if (spec.getMetrics().getEnabled()) {
            // The operator reads the running dfs version from the metrics port (status.dfsVersion).
            List<NetworkPolicyPeer> metricsPeers = operatorAnd(operatorNamespace, policy.getMetricsClients());
            if (!metricsPeers.isEmpty()) {
                rules.add(rule(List.of(port(Ports.METRICS)), metricsPeers));
            }
        }
        return rules;
    }

    private static List<NetworkPolicyPeer> operatorAnd(String operatorNamespace, List<NetworkPolicyPeer> clients) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        if (operatorNamespace != null) {
            peers.add(namespace(operatorNamespace));
        }
        peers.addAll(orEmpty(clients));
        return peers;
    }

    /** A rule without peers admits every source: that is what an empty fileClients means. */
    private static NetworkPolicyIngressRule rule(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> peers) {
        return new NetworkPolicyIngressRuleBuilder().withPorts(ports).withFrom(peers.isEmpty() ? null : peers).build();
    }

    private static NetworkPolicyPort port(String name) {
        return port(name, "TCP");
    }

    private static NetworkPolicyPort port(String name, String protocol) {
        return new NetworkPolicyPortBuilder().withProtocol(protocol).withPort(new IntOrString(name)).build();
    }

    private static NetworkPolicyPeer namespace(String name) {
        return new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, name)).endNamespaceSelector().build();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
