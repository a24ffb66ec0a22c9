package com.dittofs.operator.dependent;

import com.percona.pgv2.v2.PerconaPGCluster;

/**
 * What the operator knows of the Percona Operator for PostgreSQL beyond the {@link PerconaPGCluster} type, which is
 * generated from the subset of its CRD in {@code src/main/crds/}. That type carries group, version and plural, so the
 * client addresses the resource without asking the apiserver's discovery and nothing fails while the Percona CRD is
 * not installed (a GenericKubernetesResource informer would throw when it is merely constructed).
 */
public final class Percona {

    /** A constant (annotations name it); PerconaCrdSubsetTest checks it against the generated type. */
    public static final String CRD_NAME = "perconapgclusters.pgv2.percona.com";

    /** Values of status.state the operator acts on (the Percona operator also reports paused and stopping). */
    public static final String STATE_READY = "ready";
    public static final String STATE_INITIALIZING = "initializing";

    private Percona() {
    }

    /** {@code status.state} as the Percona operator reports it, or null before it reported anything. */
    public static String state(PerconaPGCluster cluster) {
        return cluster.getStatus() == null ? null : cluster.getStatus().getState();
    }
}
