package com.dittofs.operator.api.v1alpha1.kube;

import java.util.List;
import java.util.Map;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Schema of a LabelSelector (pod and namespace selectors of affinity terms and network policy peers). */
public class LabelSelectorSchema {

    @Size(max = KubeSyntax.MAX_KEYS)
    @ValidationRule(value = KubeSyntax.KEYS_RULE, message = KubeSyntax.KEYS_MESSAGE)
    public Map<String, @Size(max = KubeSyntax.LABEL_VALUE_MAX) @Pattern(KubeSyntax.LABEL_VALUE) String> matchLabels;

    @Size(max = KubeSyntax.MAX_TERMS)
    public List<Requirement> matchExpressions;

    /** Schema of a LabelSelectorRequirement. */
    @ValidationRule(value = "self.operator in ['Exists', 'DoesNotExist'] ? (!has(self.values) || size(self.values) == 0)"
            + " : (has(self.values) && size(self.values) > 0)",
            message = "operators In and NotIn need values, Exists and DoesNotExist take none")
    public static class Requirement {
        @Required
        @Size(max = KubeSyntax.QUALIFIED_NAME_MAX)
        @Pattern(KubeSyntax.QUALIFIED_NAME)
        public String key;

        @Required
        @Pattern("^(In|NotIn|Exists|DoesNotExist)$")
        public String operator;

        @Size(max = KubeSyntax.MAX_VALUES)
        public List<@Size(max = KubeSyntax.LABEL_VALUE_MAX) @Pattern(KubeSyntax.LABEL_VALUE) String> values;
    }
}
