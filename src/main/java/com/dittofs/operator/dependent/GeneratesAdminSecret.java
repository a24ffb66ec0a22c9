package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Generate the admin password Secret only when the user does not reference one. */
public class GeneratesAdminSecret implements Condition<Object, DittoServer> {

    @Override
    public boolean isMet(DependentResource<Object, DittoServer> dependent, DittoServer server,
            Context<DittoServer> context) {
        var identity = server.getSpec().getIdentity();
        return identity == null || identity.getAdmin() == null || identity.getAdmin().getPasswordSecretRef() == null;
    }
}
