package com.dittofs.operator.api.v1alpha1.kube;

import java.util.List;
import java.util.Map;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** Schema of ResourceRequirements: resource names and quantities that parse, and no request above its limit. */
@ValidationRule(value = "!has(self.limits) || !has(self.requests) || self.requests.all(r, !(r in self.limits)"
        + " || quantity(string(self.requests[r])).compareTo(quantity(string(self.limits[r]))) <= 0)",
        message = "each request must be less than or equal to its limit")
public class ResourcesSchema {

    /** Resources per map: few enough that comparing each request with its limit fits the CEL cost budget. */
    static final int MAX_RESOURCES = 6;
    static final String QUANTITIES = "self.all(r, r.matches('" + "^(cpu|memory|ephemeral-storage|hugepages-[-.A-Za-z0-9]+"
            + "|([a-z0-9]([-a-z0-9]*[a-z0-9])?\\\\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?/[-._A-Za-z0-9]{1,63})$')"
            + " && isQuantity(string(self[r])) && quantity(string(self[r])).compareTo(quantity('0')) >= 0)";
    static final String QUANTITIES_MESSAGE = "keys must be resource names (cpu, memory, ephemeral-storage,"
            + " hugepages-<size> or a domain-prefixed extended resource) and values non-negative quantities such as"
            + " 500m, 2 or 1Gi";

    @Size(max = MAX_RESOURCES)
    @ValidationRule(value = QUANTITIES, message = QUANTITIES_MESSAGE)
    public Map<String, @Size(max = 64) Quantity> limits;

    @Size(max = MAX_RESOURCES)
    @ValidationRule(value = QUANTITIES, message = QUANTITIES_MESSAGE)
    public Map<String, @Size(max = 64) Quantity> requests;

    @Size(max = 16)
    public List<Claim> claims;

    /** Schema of a ResourceClaim reference. */
    public static class Claim {
        @Required
        @Size(max = 63)
        @Pattern(KubeSyntax.DNS_LABEL)
        public String name;

        @Size(max = 63)
        public String request;
    }
}
