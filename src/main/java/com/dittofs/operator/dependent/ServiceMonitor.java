package com.dittofs.operator.dependent;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/** A ServiceMonitor ({@code monitoring.coreos.com/v1}) of the Prometheus Operator; kind and plural from its name. */
@Group("monitoring.coreos.com")
@Version("v1")
public class ServiceMonitor extends ForeignResource {

    /** A constant (annotations name it); ForeignResourceTest checks it against the type. */
    public static final String CRD_NAME = "servicemonitors.monitoring.coreos.com";
}
