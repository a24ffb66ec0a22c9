package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.monitoring.MonitoringArtifacts;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The shipped alerts and dashboard read metrics that exist: the operator's from the running operator, dfs's from the
 * real dfs (a server Ready with its data plane converged, after a file written over NFS). And the operator's own
 * meters count what happened.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class MonitoringIT extends E2E {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String scrape(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series of the exposition, or -1 when it is absent. */
    static double value(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).orElse(-1.0);
    }

    @Test
    void alertsAndDashboardReadMetricsThatExist() throws Exception {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("observed");
        server.getSpec().getMetrics().setEnabled(true);
        // a policy, so that the snapshot series exist (dfs takes the first snapshot within its one-minute tick)
        var policy = new com.dittofs.operator.api.v1alpha1.ShareSnapshotPolicySpec();
        policy.setInterval("1m");
        server.getSpec().getShares().get(0).setSnapshotPolicy(policy);
        create(server);
        awaitPodIp("observed-0");
        dfs = Kubelet.run(admin, namespace, "observed-0");
        awaitReady("observed");

        // Traffic, so that the per-request series exist.
        Path local = Files.createTempFile("observed", ".txt");
        Files.writeString(local, "scraped");
        String url = "nfs://127.0.0.1/export/observed-" + UUID.randomUUID() + ".txt?version=3&nfsport=12049&mountport=12049";
        var copy = ControlPlane.exec(List.of("nfs-cp", local.toString(), url), 60);
        assertThat(copy.exitCode()).as(copy.output()).isZero();

        await("the snapshot series").atMost(java.time.Duration.ofSeconds(300))
                .pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> scrape(operatorMetrics.toURI()).contains("dittofs_share_last_snapshot_timestamp_seconds{"));
        String dfsMetrics = scrape(URI.create("http://127.0.0.1:" + dfs.metricsPort() + "/metrics"));
        String operator = scrape(operatorMetrics.toURI());
        Set<String> exposed = new TreeSet<>(MonitoringArtifacts.sampleNames(dfsMetrics));
        exposed.addAll(MonitoringArtifacts.sampleNames(operator));
        assertThat(MonitoringArtifacts.allMetricNames())
                .as("metrics read by helm/dittofs-operator/files/dittofs-{alerts.yaml,dashboard.json}; dfs exposes %s",
                        MonitoringArtifacts.sampleNames(dfsMetrics))
                .isSubsetOf(exposed);

        // The operator's meters: bounded labels, and values that match what happened.
        assertThat(value(operator, "dittofs_operator_servers{phase=\"Running\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(operator, "dittofs_operator_server_conditions{status=\"True\",type=\"Ready\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(operator, "dittofs_operator_reconciles_total{result=\"success\"}")).isPositive();
        assertThat(value(operator, "dittofs_operator_dfs_api_calls_total{outcome=\"success\"}")).isPositive();
        assertThat(operator.lines().filter(l -> l.startsWith("dittofs_operator_")))
                .noneMatch(l -> l.contains("observed") || l.contains(namespace));
    }
}
