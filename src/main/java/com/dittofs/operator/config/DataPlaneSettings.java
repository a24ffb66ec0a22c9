package com.dittofs.operator.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The operator's data-plane settings ({@code dittofs.operator.data-plane.*}, or the matching environment variables),
 * checked at start-up: a misspelt value stops the operator instead of failing every reconcile.
 */
@ConfigMapping(prefix = "dittofs.operator.data-plane")
public interface DataPlaneSettings {

    /** How the operator reaches a server's REST API. */
    enum ApiAccess {
        /** {@code http(s)://<name>-api.<namespace>.svc:<port>}: the operator runs in the cluster. */
        SERVICE,
        /** {@code http(s)://<pod IP>:<port>}: the operator runs outside the cluster but can route to pod IPs. */
        POD_IP
    }

    /** False leaves adapters, stores and shares to the user (DataPlaneReady says NotManaged). */
    @WithDefault("true")
    boolean enabled();

    /** {@code service} or {@code pod-ip}. */
    @WithDefault("service")
    ApiAccess apiAccess();

    /** PEM file of the CAs that sign dfs certificates whose Secret has no ca.crt (e.g. a mounted ConfigMap). */
    Optional<String> caBundle();

    /** Threads syncing servers that answer (or have not failed yet). */
    @WithDefault("4")
    int syncThreads();

    /** Threads syncing servers whose latest sync could not reach dfs or timed out. */
    @WithDefault("2")
    int suspectSyncThreads();

    /** The longest a sync pass may take: a dfs answering each call just in time stops there, freeing the lane. */
    @WithDefault("60s")
    Duration syncDeadline();

    /** The wait before retrying a failed sync; it doubles with each further failure. */
    @WithDefault("15s")
    Duration retryInitial();

    /** The longest wait between retries of a failed sync. */
    @WithDefault("5m")
    Duration retryMax();
}
