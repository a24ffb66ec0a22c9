package com.dittofs.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A PerconaPGCluster ({@code pgv2.percona.com/v2}) of the Percona Operator for PostgreSQL: an untyped body (spec and
 * status are plain maps), but a Java type carrying its group, version and plural. That type matters: the client then
 * addresses the resource without asking the apiserver's discovery, so nothing fails while the Percona CRD is not
 * installed (a plain GenericKubernetesResource informer would throw when it is merely constructed).
 */
@Group(PerconaPGCluster.GROUP)
@Version(PerconaPGCluster.VERSION)
@Kind(PerconaPGCluster.KIND)
@Plural(PerconaPGCluster.PLURAL)
public class PerconaPGCluster extends GenericKubernetesResource implements Namespaced {

    public static final String GROUP = "pgv2.percona.com";
    public static final String VERSION = "v2";
    public static final String KIND = "PerconaPGCluster";
    public static final String PLURAL = "perconapgclusters";
    public static final String CRD_NAME = PLURAL + "." + GROUP;

    /** Values of status.state the operator acts on (the Percona operator also reports paused and stopping). */
    public static final String STATE_READY = "ready";
    public static final String STATE_INITIALIZING = "initializing";

    public PerconaPGCluster() {
        setApiVersion(GROUP + "/" + VERSION);
        setKind(KIND);
    }

    /** {@code status.state} as the Percona operator reports it, or null before it reported anything. */
    public String state() {
        Object state = get("status", "state");
        return state == null ? null : state.toString();
    }
}
