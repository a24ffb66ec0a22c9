package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ServiceMonitorSpec;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;

/**
 * Whether the Prometheus Operator's ServiceMonitor CRD is installed; when it appears, becomes established or goes
 * away, every DittoServer with {@code metrics.serviceMonitor.enabled} is reconciled (see {@link CrdEventSource}).
 */
public class PrometheusCrdEventSource extends CrdEventSource {

    public static final String NAME = "servicemonitor-crd";

    public PrometheusCrdEventSource(EventSourceContext<DittoServer> context) {
        super(context, NAME, ServiceMonitor.CRD_NAME, ServiceMonitorSpec::enabledIn);
    }

    public static boolean installed(Context<DittoServer> context) {
        return installed(context, NAME);
    }
}
