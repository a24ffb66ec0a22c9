package com.dittofs.operator.api.v1alpha1.kube;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Schema of a NetworkPolicyPeer. That each {@code except} lies inside its {@code cidr} is left to the apiserver (CEL
 * has no CIDR functions on Kubernetes 1.30): a refusal shows in the DittoServer's status.
 */
public class NetworkPolicyPeerSchema {

    public LabelSelectorSchema podSelector;

    public LabelSelectorSchema namespaceSelector;

    public IpBlock ipBlock;

    /** Schema of an IPBlock. */
    public static class IpBlock {
        @Required
        @Size(max = KubeSyntax.CIDR_MAX)
        @Pattern(KubeSyntax.CIDR)
        public String cidr;

        @Size(max = 32)
        public List<@Size(max = KubeSyntax.CIDR_MAX) @Pattern(KubeSyntax.CIDR) String> except;
    }

    /** The list, for {@code @SchemaFrom} on a list field. */
    public static class Items extends ArrayList<NetworkPolicyPeerSchema> {
    }
}
