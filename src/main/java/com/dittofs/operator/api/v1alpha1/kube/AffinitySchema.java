package com.dittofs.operator.api.v1alpha1.kube;

import java.util.List;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Schema of an Affinity: node affinity, pod affinity and anti-affinity. */
public class AffinitySchema {

    public NodeAffinity nodeAffinity;

    public PodAffinity podAffinity;

    public PodAffinity podAntiAffinity;

    /** Schema of a NodeAffinity. */
    public static class NodeAffinity {
        public NodeSelector requiredDuringSchedulingIgnoredDuringExecution;

        @Size(max = KubeSyntax.MAX_TERMS)
        public List<PreferredTerm> preferredDuringSchedulingIgnoredDuringExecution;
    }

    /** Schema of a NodeSelector: at least one term. */
    public static class NodeSelector {
        @Required
        @Size(min = 1, max = KubeSyntax.MAX_TERMS)
        public List<NodeSelectorTermSchema> nodeSelectorTerms;
    }

    /** Schema of a PreferredSchedulingTerm. */
    public static class PreferredTerm {
        @Required
        @Min(1)
        @Max(100)
        public Integer weight;

        @Required
        public NodeSelectorTermSchema preference;
    }

    /** Schema of a PodAffinity or PodAntiAffinity. */
    public static class PodAffinity {
        @Size(max = KubeSyntax.MAX_TERMS)
        public List<PodAffinityTermSchema> requiredDuringSchedulingIgnoredDuringExecution;

        @Size(max = KubeSyntax.MAX_TERMS)
        public List<PodAffinityTermSchema.Weighted> preferredDuringSchedulingIgnoredDuringExecution;
    }
}
