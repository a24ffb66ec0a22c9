package com.dittofs.operator.config;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Leader election, so that only one of several operator replicas reconciles. Active in the prod profile (see
 * quarkus.operator-sdk.activate-leader-election-for-profiles, fixed at build time) unless
 * dittofs.operator.leader-election.enabled=false says otherwise at run time (a single operator outside the cluster,
 * as in hack/demo.sh, needs no lease); the lease lives in the operator's namespace unless
 * dittofs.operator.lease-namespace says otherwise.
 *
 * <p>
 * JOSDK's own "exit when leadership is lost" calls System.exit from the leader-election callback, which also fires
 * during a normal shutdown (SIGTERM): System.exit inside a running shutdown then blocks forever and the pod only
 * dies at its grace-period SIGKILL. So the operator exits itself, and only when the leadership is really lost.
 */
@Singleton
public class LeaderElection {

    static final String LEASE_NAME = "dittofs-operator-lock";
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);

    private volatile boolean shuttingDown;

    /** Null (no leader election) when switched off: the operator SDK reads an absent configuration as "off". */
    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "dittofs.operator.leader-election.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "dittofs.operator.lease-namespace") Optional<String> namespace) {
        if (!enabled) {
            LOG.info("Leader election switched off (dittofs.operator.leader-election.enabled=false)");
            return null;
        }
        return new LeaderElectionConfiguration(LEASE_NAME, namespace.orElse(null),
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                null, new LeaderCallbacks(() -> {
                }, this::stoppedLeading, leader -> {
                }), false);
    }

    void stoppedLeading() {
        if (!shuttingDown) {
            // Another replica may already reconcile: stop at once rather than race it.
            LOG.error("Lost the leader-election lease " + LEASE_NAME + "; exiting so that the new leader works alone");
            Quarkus.asyncExit(1);
        }
    }

    /** Runs before the operator is stopped (which ends the leadership): low priority values are notified first. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        shuttingDown = true;
    }
}
