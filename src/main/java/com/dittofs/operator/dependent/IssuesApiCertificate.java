package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The operator issues the REST API's certificate: TLS is on and the user names no Secret of theirs. */
public class IssuesApiCertificate implements Condition<Object, DittoServer> {

    @Override
    public boolean isMet(DependentResource<Object, DittoServer> dependent, DittoServer server,
            Context<DittoServer> context) {
        return ControlPlaneTlsSpec.operatorIssuedIn(server.getSpec());
    }
}
