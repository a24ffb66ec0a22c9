package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ServiceMonitorSpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** spec.metrics.bearerTokenSecret: the token file in the pod, the pod inputs and the ServiceMonitor. */
class MetricsTokenTest {

    private static DittoServer withToken() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getMetrics().setBearerTokenSecret(new SecretKeySelector("scrape-token", "scrape", null));
        return server;
    }

    private static StatefulSet build(DittoServer server, String token) {
        return StatefulSetDependent.build(server,
                Fixtures.inputs(server, Fixtures.secret("scrape", Map.of("scrape-token", token))), Optional.empty());
    }

    private static String hash(StatefulSet sts) {
        return sts.getSpec().getTemplate().getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
    }

    /** The key lands at the file name the config names, whatever the key; never in a variable. */
    @Test
    void theTokenIsMountedAsTheFileTheConfigNames() {
        StatefulSet sts = build(withToken(), "t0ken");
        Container dfs = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        Volume volume = sts.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> "metrics-token".equals(v.getName())).findFirst().orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo("scrape");
        assertThat(volume.getSecret().getItems()).singleElement()
                .satisfies(i -> assertThat(List.of(i.getKey(), i.getPath())).containsExactly("scrape-token", "token"));
        assertThat(dfs.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("metrics-token");
            assertThat(m.getMountPath()).isEqualTo("/metrics-token");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(dfs.getEnv()).noneMatch(e -> e.getValueFrom() != null
                && "scrape".equals(e.getValueFrom().getSecretKeyRef().getName()));
    }

    /** dfs reads the token file once, at start: a new token must restart it (unlike the API certificate). */
    @Test
    void aRotatedTokenRollsThePod() {
        assertThat(hash(build(withToken(), "t0ken"))).isEqualTo(hash(build(withToken(), "t0ken")))
                .isNotEqualTo(hash(build(withToken(), "n3w-t0ken")));
    }

    @Test
    void aMissingTokenSecretIsAProblemNamingTheField() {
        DittoServer server = withToken();
        var inputs = Fixtures.inputs(server);
        assertThat(inputs.secrets().complete()).isFalse();
        assertThat(inputs.secrets().problems()).anySatisfy(p -> assertThat(p)
                .contains("spec.metrics.bearerTokenSecret"));
    }

    @Test
    void theServiceMonitorSendsTheToken() {
        DittoServer server = withToken();
        server.getSpec().getMetrics().setPath("/prom");
        ServiceMonitorSpec monitor = new ServiceMonitorSpec();
        monitor.setEnabled(true);
        server.getSpec().getMetrics().setServiceMonitor(monitor);
        List<Object> endpoints = new ServiceMonitorDependent().build(server).get("spec", "endpoints");
        assertThat(endpoints).containsExactly(Map.of("port", "metrics", "path", "/prom", "interval", "30s",
                "authorization", Map.of("type", "Bearer", "credentials", Map.of("name", "scrape",
                        "key", "scrape-token"))));
    }
}
