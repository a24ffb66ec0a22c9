package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.ShareSnapshotPolicySpec;
import com.dittofs.operator.api.v1alpha1.ShareSnapshotStatus;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A share's snapshots seen, against the real dfs: a policy of one minute takes a snapshot; the operator's /q/metrics
 * exports its time and the policy's interval, the status shows it; the interval's series goes with the policy, and
 * every series of the server with the server.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class SnapshotMetricsIT extends E2E {

    static final String LAST = "dittofs_share_last_snapshot_timestamp_seconds";
    static final String INTERVAL = "dittofs_share_snapshot_policy_interval_seconds";
    static final String CREATED = "dittofs_share_snapshot_policy_created_timestamp_seconds";
    /** dfs's scheduler looks once a minute, the census of a one-minute policy too; a busy machine gets slack. */
    private static final Duration SEEN = Duration.ofSeconds(300);

    @Test
    void aPolicysSnapshotIsExportedAndShownAndItsSeriesGoWithThePolicyAndTheServer() throws Exception {
        DittoServer server = applySample("dittofs_v1alpha1_dittoserver.yaml");
        String name = server.getMetadata().getName();
        runDfs(name);
        awaitReady(name);
        String share = server.getSpec().getShares().get(0).getName();
        DfsRest client = DfsRest.asAdmin(admin, namespace, name, dfs);

        long declared = System.nanoTime();
        ShareSnapshotPolicySpec policy = new ShareSnapshotPolicySpec();
        policy.setInterval("1m");
        edit(name, s -> s.getSpec().getShares().get(0).setSnapshotPolicy(policy));

        // the policy's series come with the first census after the policy exists, before any snapshot
        await("the interval exported").atMost(SEEN).pollInterval(Duration.ofSeconds(2))
                .until(() -> value(INTERVAL, name, share).isPresent());
        assertThat(value(INTERVAL, name, share)).contains(60.0);
        double created = value(CREATED, name, share).orElseThrow();
        assertThat(created).isEqualTo(Instant.parse(client.snapshotPolicies().get(share).path("created_at").asText())
                .toEpochMilli() / 1000.0, org.assertj.core.data.Offset.offset(0.001));

        await("the time of a ready snapshot exported").atMost(SEEN).pollInterval(Duration.ofSeconds(2))
                .until(() -> value(LAST, name, share).map(v -> readySnapshots(client, share).containsValue(v))
                        .orElse(false));
        System.out.printf("a scheduled snapshot's time exported %d s after the policy was declared%n",
                Duration.ofNanos(System.nanoTime() - declared).toSeconds());
        assertThat(value(LAST, name, share).orElseThrow()).isGreaterThanOrEqualTo(created);

        await("status.shares[].lastSnapshot").atMost(SEEN).pollInterval(Duration.ofSeconds(2))
                .until(() -> lastSnapshot(name, share).map(s -> readySnapshots(client, share).containsKey(s.getId()))
                        .orElse(false));
        ShareSnapshotStatus shown = lastSnapshot(name, share).orElseThrow();
        assertThat(shown.getScheduled()).isTrue();
        assertThat(shown.getName()).startsWith("scheduled-");
        assertThat(Instant.parse(shown.getTakenAt()).getEpochSecond())
                .isEqualTo((long) Math.floor(readySnapshots(client, share).get(shown.getId())));

        ShareSnapshotPolicySpec absent = new ShareSnapshotPolicySpec();
        absent.setEnsure(Ensure.ABSENT);
        edit(name, s -> s.getSpec().getShares().get(0).setSnapshotPolicy(absent));
        await("the interval's series gone with the policy").atMost(SEEN).pollInterval(Duration.ofSeconds(2))
                .until(() -> value(INTERVAL, name, share).isEmpty() && value(CREATED, name, share).isEmpty());
        assertThat(value(LAST, name, share)).as("the snapshots are kept, and so is their time").isPresent();

        assertThat(servers().inNamespace(namespace).withName(name).delete()).as("the server deleted").isNotEmpty();
        await("every series of the server gone with it").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2))
                .until(() -> MonitoringIT.scrape(operatorMetrics.toURI()).lines()
                        .noneMatch(l -> l.startsWith("dittofs_share_") && l.contains("server=\"" + name + "\"")));
    }

    /** The ready snapshots of a share in dfs: id to created_at in Unix seconds. */
    private static Map<String, Double> readySnapshots(DfsRest client, String share) {
        Map<String, Double> ready = new HashMap<>();
        client.snapshots(share).forEach(s -> {
            if ("ready".equals(s.path("state").asText())) {
                ready.put(s.path("id").asText(),
                        Instant.parse(s.path("created_at").asText()).toEpochMilli() / 1000.0);
            }
        });
        return ready;
    }

    private static Optional<ShareSnapshotStatus> lastSnapshot(String name, String share) {
        var status = get(name).getStatus();
        return status == null || status.getShares() == null ? Optional.empty()
                : status.getShares().stream().filter(s -> share.equals(s.getName()))
                        .findFirst().map(s -> s.getLastSnapshot());
    }

    /** One series of the operator's exposition, by metric, server and share. */
    static Optional<Double> value(String metric, String server, String share) throws Exception {
        return MonitoringIT.scrape(operatorMetrics.toURI()).lines()
                .filter(l -> l.startsWith(metric + "{") && l.contains("server=\"" + server + "\"")
                        && l.contains("server_namespace=\"" + namespace + "\"")
                        && l.contains("share=\"" + share + "\""))
                .findFirst().map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)));
    }
}
