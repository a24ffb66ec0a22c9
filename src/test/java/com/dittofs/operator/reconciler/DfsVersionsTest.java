package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.config.DataPlaneSettings.ApiAccess;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

class DfsVersionsTest {

    private static final ResourceID SERVER = new ResourceID("my-dittofs", "files");
    private static final URI METRICS = URI.create("http://10.0.0.7:9090/metrics");

    /** A dfs whose answers the test sets, counting the reads. */
    private final List<URI> reads = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private Optional<String> answer = Optional.of("0.29.0");
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final DfsVersions versions = new DfsVersions((uri, token) -> {
        reads.add(uri);
        tokens.add(token);
        return answer;
    }, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void readOncePerPod() {
        assertThat(versions.reported(SERVER, "pod-1", null)).as("before the first read").isNull();
        versions.refresh(SERVER, "pod-1", METRICS, null);
        versions.refresh(SERVER, "pod-1", METRICS, null);
        assertThat(versions.reported(SERVER, "pod-1", null)).isEqualTo("0.29.0");
        assertThat(reads).as("one read for the pod, whatever the number of syncs").containsExactly(METRICS);
    }

    @Test
    void aNewPodIsUnknownUntilReadAgain() {
        versions.refresh(SERVER, "pod-1", METRICS, null);
        answer = Optional.of("0.30.0");
        assertThat(versions.reported(SERVER, "pod-2", "0.29.0")).as("the old pod's version is not the new one's")
                .isNull();
        versions.refresh(SERVER, "pod-2", METRICS, null);
        assertThat(versions.reported(SERVER, "pod-2", "0.29.0")).isEqualTo("0.30.0");
        assertThat(reads).hasSize(2);
    }

    @Test
    void anUnreadableMetricsPortLeavesTheVersionUnknownAndIsTriedAgainAfterAWhile() {
        answer = Optional.empty();
        versions.refresh(SERVER, "pod-1", METRICS, null);
        versions.refresh(SERVER, "pod-1", METRICS, null);
        assertThat(versions.reported(SERVER, "pod-1", null)).isNull();
        assertThat(reads).as("not tried on every sync").hasSize(1);

        now = now.plus(DfsVersions.RETRY).plus(Duration.ofSeconds(1));
        answer = Optional.of("dev");
        versions.refresh(SERVER, "pod-1", METRICS, null);
        assertThat(versions.reported(SERVER, "pod-1", null)).isEqualTo("dev");
        assertThat(reads).hasSize(2);
    }

    @Test
    void afterAnOperatorRestartTheStatusHoldsUntilARead() {
        assertThat(versions.reported(SERVER, "pod-1", "0.29.0")).as("no blank column while the first sync runs")
                .isEqualTo("0.29.0");
        answer = Optional.empty();
        versions.refresh(SERVER, "pod-1", METRICS, null);
        assertThat(versions.reported(SERVER, "pod-1", "0.29.0")).as("a failed read keeps the same pod's value")
                .isEqualTo("0.29.0");
        answer = Optional.of("0.29.1");
        now = now.plus(DfsVersions.RETRY).plus(Duration.ofSeconds(1));
        versions.refresh(SERVER, "pod-1", METRICS, null);
        assertThat(versions.reported(SERVER, "pod-1", "0.29.0")).as("a read corrects it").isEqualTo("0.29.1");
    }

    @Test
    void theMetricsBearerTokenIsPresented() {
        versions.refresh(SERVER, "pod-1", METRICS, "s3cret");
        assertThat(tokens).containsExactly("s3cret");
    }

    @Test
    void nothingIsReadWithoutAPodOrAMetricsEndpoint() {
        versions.refresh(SERVER, null, METRICS, null);
        versions.refresh(SERVER, "pod-1", null, null);
        assertThat(reads).isEmpty();
        assertThat(versions.reported(SERVER, null, "0.29.0")).isNull();
    }

    @Test
    void aForgottenServerStartsOver() {
        versions.refresh(SERVER, "pod-1", METRICS, null);
        versions.forget(SERVER);
        assertThat(versions.reported(SERVER, "pod-1", null)).isNull();
    }

    @Test
    void theMetricsEndpointFollowsHowTheOperatorReachesTheServer() {
        DittoServer server = Fixtures.basic();
        Pod pod = new PodBuilder().withNewStatus().withPodIP("10.0.0.7").endStatus().build();
        assertThat(DfsVersions.metricsUri(server, pod, ApiAccess.POD_IP)).as("metrics off").isEmpty();

        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getMetrics().setPort(9191);
        assertThat(DfsVersions.metricsUri(server, pod, ApiAccess.POD_IP))
                .contains(URI.create("http://10.0.0.7:9191/metrics"));
        assertThat(DfsVersions.metricsUri(server, pod, ApiAccess.SERVICE))
                .contains(URI.create("http://my-dittofs-metrics.files.svc:9191/metrics"));
        assertThat(DfsVersions.metricsUri(server, null, ApiAccess.POD_IP)).isEmpty();
    }
}
