package com.dittofs.operator.api.v1alpha1.kube;

import java.util.List;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Schema of a NodeSelectorTerm of node affinity. */
public class NodeSelectorTermSchema {

    @Size(max = KubeSyntax.MAX_TERMS)
    public List<Requirement> matchExpressions;

    @Size(max = KubeSyntax.MAX_TERMS)
    public List<Requirement> matchFields;

    /** Schema of a NodeSelectorRequirement. */
    @ValidationRule(value = "self.operator in ['Exists', 'DoesNotExist'] ? (!has(self.values) || size(self.values) == 0)"
            + " : self.operator in ['Gt', 'Lt'] ? (has(self.values) && size(self.values) == 1"
            + " && self.values[0].matches('^-?[0-9]+$'))"
            + " : (has(self.values) && size(self.values) > 0)",
            message = "operators In and NotIn need values, Gt and Lt exactly one integer, Exists and DoesNotExist none")
    public static class Requirement {
        @Required
        @Size(max = KubeSyntax.QUALIFIED_NAME_MAX)
        @Pattern(KubeSyntax.QUALIFIED_NAME)
        public String key;

        @Required
        @Pattern("^(In|NotIn|Exists|DoesNotExist|Gt|Lt)$")
        public String operator;

        @Size(max = KubeSyntax.MAX_VALUES)
        public List<@Size(max = KubeSyntax.LABEL_VALUE_MAX) String> values;
    }
}
