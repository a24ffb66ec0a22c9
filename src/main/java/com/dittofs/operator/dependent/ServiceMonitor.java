package com.dittofs.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A ServiceMonitor ({@code monitoring.coreos.com/v1}) of the Prometheus Operator: an untyped body, but a Java type
 * carrying group, version and plural, so that nothing asks the apiserver's discovery while the CRD is not installed
 * (see {@link Percona}).
 */
@Group(ServiceMonitor.GROUP)
@Version(ServiceMonitor.VERSION)
@Kind(ServiceMonitor.KIND)
@Plural(ServiceMonitor.PLURAL)
public class ServiceMonitor extends GenericKubernetesResource implements Namespaced {

    public static final String GROUP = "monitoring.coreos.com";
    public static final String VERSION = "v1";
    public static final String KIND = "ServiceMonitor";
    public static final String PLURAL = "servicemonitors";
    public static final String CRD_NAME = PLURAL + "." + GROUP;

    public ServiceMonitor() {
        setApiVersion(GROUP + "/" + VERSION);
        setKind(KIND);
    }
}
