package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;

/**
 * Whether cert-manager's Certificate CRD is installed; when it appears, becomes established or goes away, every
 * DittoServer with {@code controlPlane.tls.issuerRef} is reconciled.
 */
public class CertManagerCrdEventSource extends CrdEventSource {

    public static final String NAME = "cert-manager-crd";

    public CertManagerCrdEventSource(EventSourceContext<DittoServer> context) {
        super(context, NAME, CertManagerCertificate.CRD_NAME, ControlPlaneTlsSpec::issuedIn);
    }

    public static boolean installed(Context<DittoServer> context) {
        return CrdEventSource.installed(context, NAME);
    }
}
