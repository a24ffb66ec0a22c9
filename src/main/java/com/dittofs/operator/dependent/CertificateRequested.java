package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The Certificate exists while spec.controlPlane.tls.issuerRef is set; removing it deletes the Certificate (not its Secret). */
public class CertificateRequested implements Condition<Object, DittoServer> {

    @Override
    public boolean isMet(DependentResource<Object, DittoServer> dependent, DittoServer server,
            Context<DittoServer> context) {
        return ControlPlaneTlsSpec.issuedIn(server.getSpec());
    }
}
