package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * The config is "ready" once every Secret key the pod needs exists and the database it needs is ready (with
 * {@code percona.enabled}: the PerconaPGCluster reports ready and its user Secret is complete). Until then the
 * StatefulSet, which depends on the config, is left alone: not created, not changed, never deleted.
 */
public class PodInputsAvailable implements Condition<Object, DittoServer> {

    @Override
    public boolean isMet(DependentResource<Object, DittoServer> dependent, DittoServer server,
            Context<DittoServer> context) {
        return PodInputs.of(server, context).secrets().complete()
                && DatabaseReadiness.of(server, context).map(DatabaseReadiness::ready).orElse(true);
    }
}
