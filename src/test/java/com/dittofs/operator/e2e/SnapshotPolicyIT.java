package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.ShareSnapshotPolicySpec;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * spec.shares[].snapshotPolicy against the real dfs: a hand-made policy is adopted and set as declared, a declared one
 * is created and takes its first snapshot within dfs's one-minute tick, one removed from the spec stays in dfs and is
 * named, and ensure: absent deletes.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class SnapshotPolicyIT extends E2E {

    /** dfs's scheduler looks once a minute; a busy machine gets slack. */
    private static final Duration FIRST_SNAPSHOT = Duration.ofSeconds(150);

    @Test
    void policiesFollowTheSpecAndOnlyEnsureAbsentDeletes() {
        DittoServer server = applySample("dittofs_v1alpha1_dittoserver.yaml");
        String name = server.getMetadata().getName();
        runDfs(name);
        awaitReady(name);
        DfsRest client = DfsRest.asAdmin(admin, namespace, name, dfs);
        client.putSnapshotPolicy("/export", Map.of("interval", "1h", "enabled", false));

        long declared = System.nanoTime();
        edit(name, s -> s.getSpec().setShares(new ArrayList<>(List.of(
                withPolicy(s.getSpec().getShares().get(0), policy("6h", 3)), withPolicy(share("/scratch"),
                        policy("@daily", 0))))));
        await().atMost(TIMEOUT).until(() -> client.snapshotPolicies().containsKey("/scratch")
                && "6h0m0s".equals(client.snapshotPolicies().get("/export").path("interval").asText()));
        var export = client.snapshotPolicies().get("/export");
        assertThat(export.path("keep_last").asInt()).isEqualTo(3);
        assertThat(export.path("enabled").asBoolean()).as("the hand-made value is replaced").isTrue();
        assertThat(client.snapshotPolicies().get("/scratch").path("interval").asText()).isEqualTo("24h0m0s");
        await().atMost(TIMEOUT).until(() -> List.of("/scratch").equals(get(name).getStatus()
                .getManagedSnapshotPolicies()) && List.of("/export").equals(get(name).getStatus()
                .getAdoptedSnapshotPolicies()));

        await("the first scheduled snapshot of /scratch").atMost(FIRST_SNAPSHOT).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    var snapshots = client.snapshots("/scratch");
                    return snapshots.size() > 0 && snapshots.get(0).path("scheduled").asBoolean()
                            && "ready".equals(snapshots.get(0).path("state").asText());
                });
        System.out.printf("first scheduled snapshot ready %d s after the policy was declared%n",
                Duration.ofNanos(System.nanoTime() - declared).toSeconds());

        edit(name, s -> s.getSpec().getShares().get(1).setSnapshotPolicy(null));
        await().atMost(TIMEOUT).until(() -> condition(name, "DataPlaneReady").map(c -> "True".equals(c.getStatus())
                && c.getMessage().contains("left in dfs: snapshot policy /scratch")).orElse(false));
        assertThat(client.snapshotPolicies()).containsKeys("/export", "/scratch");

        ShareSnapshotPolicySpec absent = new ShareSnapshotPolicySpec();
        absent.setEnsure(Ensure.ABSENT);
        edit(name, s -> s.getSpec().getShares().get(0).setSnapshotPolicy(absent));
        await().atMost(TIMEOUT).until(() -> !client.snapshotPolicies().containsKey("/export"));
        await().atMost(TIMEOUT).until(() -> get(name).getStatus().getAdoptedSnapshotPolicies() == null);
        assertThat(client.snapshotPolicies()).containsOnlyKeys("/scratch");
    }

    private static ShareSpec share(String name) {
        ShareSpec share = new ShareSpec();
        share.setName(name);
        return share;
    }

    private static ShareSpec withPolicy(ShareSpec share, ShareSnapshotPolicySpec policy) {
        share.setSnapshotPolicy(policy);
        return share;
    }

    private static ShareSnapshotPolicySpec policy(String interval, int keepLast) {
        ShareSnapshotPolicySpec policy = new ShareSnapshotPolicySpec();
        policy.setInterval(interval);
        policy.setKeepLast(keepLast);
        return policy;
    }
}
