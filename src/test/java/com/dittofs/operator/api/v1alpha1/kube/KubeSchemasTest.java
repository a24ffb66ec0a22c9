package com.dittofs.operator.api.v1alpha1.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each schema has exactly the fields of its fabric8 type: a missing one would be pruned by the apiserver. */
class KubeSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(Toleration.class, TolerationSchema.class),
                Arguments.of(Affinity.class, AffinitySchema.class),
                Arguments.of(NodeAffinity.class, AffinitySchema.NodeAffinity.class),
                Arguments.of(NodeSelector.class, AffinitySchema.NodeSelector.class),
                Arguments.of(PreferredSchedulingTerm.class, AffinitySchema.PreferredTerm.class),
                Arguments.of(PodAffinity.class, AffinitySchema.PodAffinity.class),
                Arguments.of(NodeSelectorTerm.class, NodeSelectorTermSchema.class),
                Arguments.of(NodeSelectorRequirement.class, NodeSelectorTermSchema.Requirement.class),
                Arguments.of(PodAffinityTerm.class, PodAffinityTermSchema.class),
                Arguments.of(WeightedPodAffinityTerm.class, PodAffinityTermSchema.Weighted.class),
                Arguments.of(LabelSelector.class, LabelSelectorSchema.class),
                Arguments.of(LabelSelectorRequirement.class, LabelSelectorSchema.Requirement.class),
                Arguments.of(ResourceRequirements.class, ResourcesSchema.class),
                Arguments.of(ResourceClaim.class, ResourcesSchema.Claim.class),
                Arguments.of(Sysctl.class, SysctlSchema.class),
                Arguments.of(LocalObjectReference.class, PullSecretSchema.class),
                Arguments.of(NetworkPolicyPeer.class, NetworkPolicyPeerSchema.class),
                Arguments.of(IPBlock.class, NetworkPolicyPeerSchema.IpBlock.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void schemaHasEveryFieldOfTheKubernetesType(Class<?> kubernetes, Class<?> schema) {
        assertThat(properties(schema)).isEqualTo(properties(kubernetes));
    }

    private static Set<String> properties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type))
                .findProperties()) {
            names.add(p.getName());
        }
        names.remove("additionalProperties");
        return names;
    }
}
