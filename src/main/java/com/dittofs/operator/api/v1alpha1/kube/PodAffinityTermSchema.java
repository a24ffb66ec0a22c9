package com.dittofs.operator.api.v1alpha1.kube;

import java.util.List;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Schema of a PodAffinityTerm (pod affinity and anti-affinity). */
public class PodAffinityTermSchema {

    public LabelSelectorSchema labelSelector;

    public LabelSelectorSchema namespaceSelector;

    @Size(max = KubeSyntax.MAX_VALUES)
    public List<@Size(max = 63) @Pattern(KubeSyntax.DNS_LABEL) String> namespaces;

    @Required
    @Size(min = 1, max = KubeSyntax.QUALIFIED_NAME_MAX)
    @Pattern(KubeSyntax.QUALIFIED_NAME)
    public String topologyKey;

    @Size(max = KubeSyntax.MAX_TERMS)
    public List<@Size(max = KubeSyntax.QUALIFIED_NAME_MAX) @Pattern(KubeSyntax.QUALIFIED_NAME) String> matchLabelKeys;

    @Size(max = KubeSyntax.MAX_TERMS)
    public List<@Size(max = KubeSyntax.QUALIFIED_NAME_MAX) @Pattern(KubeSyntax.QUALIFIED_NAME) String> mismatchLabelKeys;

    /** Schema of a WeightedPodAffinityTerm. */
    public static class Weighted {
        @Required
        @Min(1)
        @Max(100)
        public Integer weight;

        @Required
        public PodAffinityTermSchema podAffinityTerm;
    }
}
