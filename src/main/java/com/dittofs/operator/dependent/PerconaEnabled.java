package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * The PerconaPGCluster is reconciled only while {@code percona.enabled}. When it fails, the dependent's delete runs,
 * which keeps the database unless {@code deleteWithServer} (see {@link PerconaClusterDependent#handleDelete}).
 */
public class PerconaEnabled implements Condition<Object, DittoServer> {

    @Override
    public boolean isMet(DependentResource<Object, DittoServer> dependent, DittoServer server,
            Context<DittoServer> context) {
        return PerconaSpec.enabledIn(server.getSpec());
    }
}
