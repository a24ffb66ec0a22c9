package com.dittofs.operator.api.v1alpha1.kube;

import java.util.ArrayList;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Schema of an image pull secret reference: the name of a Secret, so a DNS-1123 subdomain. */
public class PullSecretSchema {

    @Required
    @Size(min = 1, max = 253)
    @Pattern(KubeSyntax.DNS_SUBDOMAIN)
    public String name;

    /** The list, for {@code @SchemaFrom} on a list field. */
    public static class Items extends ArrayList<PullSecretSchema> {
    }
}
