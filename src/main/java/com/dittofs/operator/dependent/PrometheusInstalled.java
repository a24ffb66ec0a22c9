package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation of the ServiceMonitor dependent: only while the ServiceMonitor CRD is installed is its informer started
 * (and only then could it be). A false activation deletes nothing.
 */
public class PrometheusInstalled implements Condition<Object, DittoServer> {

    @Override
    public boolean isMet(DependentResource<Object, DittoServer> dependent, DittoServer server,
            Context<DittoServer> context) {
        return PrometheusCrdEventSource.installed(context);
    }
}
