package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;

/**
 * Whether the PerconaPGCluster CRD is installed ({@code perconapgclusters.pgv2.percona.com}); when it appears, becomes
 * established or goes away, every DittoServer with {@code percona.enabled} is reconciled.
 */
public class PerconaCrdEventSource extends CrdEventSource {

    public static final String NAME = "percona-crd";

    public PerconaCrdEventSource(EventSourceContext<DittoServer> context) {
        super(context, NAME, Percona.CRD_NAME, PerconaSpec::enabledIn);
    }

    /** The CRD is installed in the cluster the context's operator runs against. False when unknown. */
    public static boolean installed(Context<DittoServer> context) {
        return CrdEventSource.installed(context, NAME);
    }

    /** The one definition of a usable CRD, for the operator and its tests. */
    public static boolean established(CustomResourceDefinition crd) {
        return CrdEventSource.established(crd);
    }
}
