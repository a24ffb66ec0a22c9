package com.dittofs.operator.api.v1alpha1.kube;

import java.util.ArrayList;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Schema of a Toleration, with the rules of the apiserver's pod validation. */
@ValidationRule(value = "(has(self.key) && self.key != '') || (has(self.operator) && self.operator == 'Exists')",
        message = "a toleration without a key needs operator Exists")
@ValidationRule(value = "!has(self.operator) || self.operator != 'Exists' || !has(self.value) || self.value == ''",
        message = "a toleration with operator Exists has no value")
@ValidationRule(value = "!has(self.tolerationSeconds) || (has(self.effect) && self.effect == 'NoExecute')",
        message = "tolerationSeconds needs effect NoExecute")
public class TolerationSchema {

    @Size(max = KubeSyntax.QUALIFIED_NAME_MAX)
    @Pattern("^$|" + KubeSyntax.QUALIFIED_NAME)
    public String key;

    @Pattern("^(|Equal|Exists)$")
    public String operator;

    @Size(max = KubeSyntax.LABEL_VALUE_MAX)
    @Pattern(KubeSyntax.LABEL_VALUE)
    public String value;

    @Pattern("^(|NoSchedule|PreferNoSchedule|NoExecute)$")
    public String effect;

    public Long tolerationSeconds;

    /** The list, for {@code @SchemaFrom} on a list field. */
    public static class Items extends ArrayList<TolerationSchema> {
    }
}
