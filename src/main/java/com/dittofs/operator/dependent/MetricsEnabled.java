package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.MetricsSpec;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The -metrics Service exists only while metrics are enabled; when the condition fails it is deleted. */
public class MetricsEnabled implements Condition<Object, DittoServer> {

    @Override
    public boolean isMet(DependentResource<Object, DittoServer> dependent, DittoServer server,
            Context<DittoServer> context) {
        return MetricsSpec.enabledIn(server.getSpec());
    }
}
