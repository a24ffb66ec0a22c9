package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;

/**
 * Whether the PerconaPGCluster CRD ({@code perconapgclusters.pgv2.percona.com}) is installed; when it appears,
 * becomes established or goes away, every DittoServer with {@code percona.enabled} is reconciled (see
 * {@link CrdEventSource}).
 */
public class PerconaCrdEventSource extends CrdEventSource {

    public static final String NAME = "percona-crd";

    public PerconaCrdEventSource(EventSourceContext<DittoServer> context) {
        super(context, NAME, PerconaPGCluster.CRD_NAME, PerconaSpec::enabledIn);
    }

    /** The CRD is installed in the cluster the context's operator runs against. False when unknown. */
    public static boolean installed(Context<DittoServer> context) {
        return installed(context, NAME);
    }
}
