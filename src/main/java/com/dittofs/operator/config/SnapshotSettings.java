package com.dittofs.operator.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The DittoSnapshot controller's settings ({@code dittofs.operator.snapshots.*}, or the matching environment
 * variables), checked at start-up.
 */
@ConfigMapping(prefix = "dittofs.operator.snapshots")
public interface SnapshotSettings {

    /**
     * How long, from its deletionTimestamp, a DittoSnapshot whose snapshot cannot be deleted in dfs (dfs unreachable
     * or refusing) keeps its finalizer: then it is released, and a Warning event names the snapshot left in dfs.
     */
    @WithDefault("10m")
    Duration deletionTimeout();

    /** How often a snapshot dfs is still taking is looked at. */
    @WithDefault("2s")
    Duration pollInterval();
}
