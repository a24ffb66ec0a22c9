package com.dittofs.operator.api.v1alpha1.kube;

import java.util.ArrayList;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Schema of a Sysctl of the pod's security context. Which sysctls a node allows is the kubelet's to say. */
public class SysctlSchema {

    @Required
    @Size(min = 1, max = 253)
    @Pattern(KubeSyntax.SYSCTL)
    public String name;

    @Required
    @Size(max = 1024)
    public String value;

    /** The list, swapped in for PodSecurityContext.sysctls. */
    public static class Items extends ArrayList<SysctlSchema> {
    }
}
