package com.dittofs.operator.api.v1alpha1;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.kube.AffinitySchema;
import com.dittofs.operator.api.v1alpha1.kube.KubeSyntax;
import com.dittofs.operator.api.v1alpha1.kube.ResourcesSchema;
import com.dittofs.operator.api.v1alpha1.kube.TolerationSchema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;

/**
 * The server pod's resources, scheduling, metadata, security and shutdown: fields of {@link DittoServerSpec} (they
 * appear directly under {@code spec} in the CRD), kept in a class of their own so that the spec stays readable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ServerPodSpec {

    /** The preStop sleep of the dfs container: Kubernetes refuses a sleep longer than the grace period. */
    public static final int MIN_TERMINATION_GRACE_SECONDS = 5;

    @SchemaFrom(type = ResourcesSchema.class)
    @JsonPropertyDescription("CPU and memory requests and limits of the dfs container.")
    private ResourceRequirements resources;

    @Size(max = KubeSyntax.MAX_KEYS)
    @ValidationRule(value = KubeSyntax.KEYS_RULE, message = KubeSyntax.KEYS_MESSAGE)
    @JsonPropertyDescription("Node labels the server pod must match.")
    private Map<String, @Size(max = KubeSyntax.LABEL_VALUE_MAX) @Pattern(KubeSyntax.LABEL_VALUE) String> nodeSelector;

    @Size(max = KubeSyntax.MAX_TERMS)
    @SchemaFrom(type = TolerationSchema.Items.class)
    @JsonPropertyDescription("Tolerations of the server pod.")
    private List<Toleration> tolerations;

    @SchemaFrom(type = AffinitySchema.class)
    @JsonPropertyDescription("Affinity rules of the server pod.")
    private Affinity affinity;

    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("PriorityClass of the server pod.")
    private String priorityClassName;

    @Size(max = KubeSyntax.MAX_KEYS)
    @ValidationRule(value = KubeSyntax.KEYS_RULE, message = KubeSyntax.KEYS_MESSAGE)
    @JsonPropertyDescription("Extra annotations on the server pod. Changing them rolls the pod.")
    private Map<String, @Size(max = KubeSyntax.MAX_ANNOTATION_VALUE) String> podAnnotations;

    @Size(max = KubeSyntax.MAX_KEYS)
    @ValidationRule(value = KubeSyntax.KEYS_RULE, message = KubeSyntax.KEYS_MESSAGE)
    @JsonPropertyDescription("Extra labels on the server pod; the operator's own app.kubernetes.io labels win.")
    private Map<String, @Size(max = KubeSyntax.LABEL_VALUE_MAX) @Pattern(KubeSyntax.LABEL_VALUE) String> podLabels;

    @JsonPropertyDescription("Security context of the dfs container. Replaces the restricted default (non-root, no privilege escalation, all capabilities dropped, read-only root filesystem, RuntimeDefault seccomp).")
    private SecurityContext securityContext;

    @JsonPropertyDescription("Security context of the server pod. Replaces the default (non-root UID/GID/fsGroup 65532, RuntimeDefault seccomp).")
    private PodSecurityContext podSecurityContext;

    @Default("105")
    @Min(MIN_TERMINATION_GRACE_SECONDS)
    @JsonPropertyDescription("Seconds dfs gets to drain on shutdown (preStop delay plus its staged shutdown), at least"
            + " the " + MIN_TERMINATION_GRACE_SECONDS + " s preStop delay. The default lets it finish.")
    private Long terminationGracePeriodSeconds = 105L;

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public String getPriorityClassName() {
        return priorityClassName;
    }

    public void setPriorityClassName(String priorityClassName) {
        this.priorityClassName = priorityClassName;
    }

    public Map<String, String> getPodAnnotations() {
        return podAnnotations;
    }

    public void setPodAnnotations(Map<String, String> podAnnotations) {
        this.podAnnotations = podAnnotations;
    }

    public Map<String, String> getPodLabels() {
        return podLabels;
    }

    public void setPodLabels(Map<String, String> podLabels) {
        this.podLabels = podLabels;
    }

    public SecurityContext getSecurityContext() {
        return securityContext;
    }

    public void setSecurityContext(SecurityContext securityContext) {
        this.securityContext = securityContext;
    }

    public PodSecurityContext getPodSecurityContext() {
        return podSecurityContext;
    }

    public void setPodSecurityContext(PodSecurityContext podSecurityContext) {
        this.podSecurityContext = podSecurityContext;
    }

    public Long getTerminationGracePeriodSeconds() {
        return terminationGracePeriodSeconds;
    }

    public void setTerminationGracePeriodSeconds(Long terminationGracePeriodSeconds) {
        this.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
    }
}
