package com.dittofs.operator.api.v1alpha1;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.kube.KubeSyntax;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** How clients reach the file protocols: applied to the -file Service only (the API stays ClusterIP). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.type == 'LoadBalancer' || (!has(self.loadBalancerIP) && !has(self.loadBalancerSourceRanges))",
        message = "service.loadBalancerIP and service.loadBalancerSourceRanges need service.type LoadBalancer")
@ValidationRule(value = "self.type != 'ClusterIP' || !has(self.externalTrafficPolicy)",
        message = "service.externalTrafficPolicy needs service.type NodePort or LoadBalancer")
public class ServiceSpec {

    @Default("ClusterIP")
    @JsonPropertyDescription("Service type of the -file Service: ClusterIP (default), NodePort or LoadBalancer.")
    private ServiceType type = ServiceType.ClusterIP;

    @JsonPropertyDescription("Annotations added to the -file Service, e.g. for a cloud load balancer."
            + " Changing them never restarts the file server.")
    @Size(max = KubeSyntax.MAX_KEYS)
    @ValidationRule(value = KubeSyntax.KEYS_RULE, message = KubeSyntax.KEYS_MESSAGE)
    private Map<String, @Size(max = KubeSyntax.MAX_ANNOTATION_VALUE) String> annotations;

    @Size(max = 45)
    @Pattern(Quantities.IP)
    @JsonPropertyDescription("Requested IP of the load balancer (type LoadBalancer only; honoured by some providers).")
    private String loadBalancerIP;

    @Size(max = 64)
    @JsonPropertyDescription("Client CIDRs allowed through the load balancer (type LoadBalancer only), e.g."
            + " 10.0.0.0/8 or 2001:db8::/32.")
    private List<@Size(max = KubeSyntax.CIDR_MAX) @Pattern(KubeSyntax.CIDR) String> loadBalancerSourceRanges;

    @JsonPropertyDescription("Cluster or Local (NodePort and LoadBalancer only). Local keeps client source IPs.")
    private ExternalTrafficPolicy externalTrafficPolicy;

    public ServiceType getType() {
        return type;
    }

    public void setType(ServiceType type) {
        this.type = type;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }

    public String getLoadBalancerIP() {
        return loadBalancerIP;
    }

    public void setLoadBalancerIP(String loadBalancerIP) {
        this.loadBalancerIP = loadBalancerIP;
    }

    public List<String> getLoadBalancerSourceRanges() {
        return loadBalancerSourceRanges;
    }

    public void setLoadBalancerSourceRanges(List<String> loadBalancerSourceRanges) {
        this.loadBalancerSourceRanges = loadBalancerSourceRanges;
    }

    public ExternalTrafficPolicy getExternalTrafficPolicy() {
        return externalTrafficPolicy;
    }

    public void setExternalTrafficPolicy(ExternalTrafficPolicy externalTrafficPolicy) {
        this.externalTrafficPolicy = externalTrafficPolicy;
    }
}
