package com.dittofs.operator.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.testing.Proc;

/**
 * One real node per machine, and a machine that a crash left dirty is not a dead end: {@code cluster.sh up} waits for
 * another DIR's node that still runs, and cleans up after one whose processes all died without {@code down} (a
 * session or machine that stopped mid-run). Before this, such a stale bridge failed every later node-tier run.
 */
@Tag("node")
class NodeTakeoverIT {

    static final Path CRASHED = Path.of("target", "node-takeover-crashed").toAbsolutePath();
    static final Path TAKER = Path.of("target", "node-takeover-taker").toAbsolutePath();
    static final Path WAITER = Path.of("target", "node-takeover-waiter").toAbsolutePath();

    @AfterAll
    static void down() {
        for (Path dir : List.of(WAITER, TAKER, CRASHED)) {
            cluster(Map.of(), "down", dir);
        }
    }

    @Test
    void aNodeThatDiedWithoutDownIsCleanedUpAndALiveOneIsWaitedFor() {
        RealNode.requireRuntime();
        cluster(Map.of("CLUSTER_NODE", "real"), "up", CRASHED).orFail();
        // A crash: every process of the node killed at once, no down; its bridge, rules and mounts stay behind.
        Proc.run(List.of("pkill", "-KILL", "-f", "--", CRASHED + "/"), Duration.ofSeconds(30));

        Proc.Result taken = cluster(Map.of("CLUSTER_NODE", "real"), "up", TAKER);
        assertThat(taken.ok()).as(taken.describe()).isTrue();
        assertThat(taken.err()).contains("the real node of " + CRASHED + " stopped without 'down'");

        Proc.Result waited = cluster(Map.of("CLUSTER_NODE", "real", "CLUSTER_NODE_WAIT", "6"), "up", WAITER);
        assertThat(waited.ok()).as("a second node beside a live one").isFalse();
        assertThat(waited.err()).contains("waiting for it to stop")
                .contains("the real node of " + TAKER + " still runs on this machine");
        assertThat(cluster(Map.of(), "status", TAKER).ok()).as("the waiter left the live node alone").isTrue();

        cluster(Map.of(), "down", WAITER).orFail();
        cluster(Map.of(), "down", TAKER).orFail();
        for (Path dir : List.of(CRASHED, TAKER, WAITER)) {
            Proc.Result left = cluster(Map.of(), "leftovers", dir);
            assertThat(left.ok()).as(left.describe()).isTrue();
        }
    }

    static Proc.Result cluster(Map<String, String> env, String command, Path dir) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("CLUSTER_NODE_WAIT", "60");
        return Proc.run(List.of("bash", "hack/cluster.sh", command, dir.toString()), all, null, Duration.ofMinutes(20));
    }
}
