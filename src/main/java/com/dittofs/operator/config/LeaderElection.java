package com.dittofs.operator.config;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leader election, so that only one of several operator replicas reconciles. Active in the prod profile (see
 * quarkus.operator-sdk.activate-leader-election-for-profiles); the lease lives in the operator's namespace unless
 * dittofs.operator.lease-namespace says otherwise.
 */
public class LeaderElection {

    static final String LEASE_NAME = "dittofs-operator-lock";

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "dittofs.operator.lease-namespace") Optional<String> namespace) {
        return namespace.map(ns -> new LeaderElectionConfiguration(LEASE_NAME, ns))
                .orElseGet(() -> new LeaderElectionConfiguration(LEASE_NAME));
    }
}
