package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.NetworkPolicySpec;
import com.dittofs.operator.api.v1alpha1.ServiceMonitorSpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

/**
 * Every owned object is found in the cache by the name its desired() renders: the dependents name it without
 * rendering it (DittoDependent), so a name that drifted from the rendered one would never be found, and the object
 * would be created again on every reconcile.
 */
class DependentNamesTest {

    private final DittoServer server = Fixtures.basic();

    private static ResourceID of(HasMetadata object) {
        return new ResourceID(object.getMetadata().getName(), object.getMetadata().getNamespace());
    }

    private static void findsItsObjectByTheRenderedName(DittoDependent<?> dependent, DittoServer server,
            HasMetadata rendered) {
        assertThat(dependent.targetSecondaryResourceID(server, null)).as(dependent.getClass().getSimpleName())
                .isEqualTo(of(rendered));
    }

    @Test
    void theNameThatFindsAnObjectIsTheNameItIsRenderedWith() {
        var config = new ConfigMapDependent();
        findsItsObjectByTheRenderedName(config, server, config.desired(server, null));
        var api = new ApiServiceDependent();
        findsItsObjectByTheRenderedName(api, server, api.desired(server, null));
        var file = new FileServiceDependent();
        findsItsObjectByTheRenderedName(file, server, file.desired(server, null));
        var headless = new HeadlessServiceDependent();
        findsItsObjectByTheRenderedName(headless, server, headless.desired(server, null));
        var metrics = new MetricsServiceDependent();
        findsItsObjectByTheRenderedName(metrics, server, metrics.desired(server, null));
        DittoServer isolated = Fixtures.basic();
        isolated.getSpec().setNetworkPolicy(new NetworkPolicySpec());
        isolated.getSpec().getNetworkPolicy().setEnabled(true);
        var policy = new NetworkPolicyDependent();
        findsItsObjectByTheRenderedName(policy, isolated, policy.build(isolated, "dittofs-system"));
        DittoServer monitored = Fixtures.basic();
        monitored.getSpec().getMetrics().setEnabled(true);
        monitored.getSpec().getMetrics().setServiceMonitor(new ServiceMonitorSpec());
        monitored.getSpec().getMetrics().getServiceMonitor().setEnabled(true);
        var monitor = new ServiceMonitorDependent();
        findsItsObjectByTheRenderedName(monitor, monitored, monitor.build(monitored));
        PodInputs inputs = PodInputs.of(server, name -> Optional.ofNullable(GoldenRenderTest.secrets(server).get(name)));
        findsItsObjectByTheRenderedName(new StatefulSetDependent(), server,
                StatefulSetDependent.build(server, inputs, Optional.empty()));
    }
}
