package com.dittofs.operator.dependent;

import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretResolution;
import com.dittofs.operator.naming.Names;
import com.percona.pgv2.v2.PerconaPGCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;

import static com.dittofs.operator.api.v1alpha1.ConditionTypes.REASON_CLUSTER_CREATING;
import static com.dittofs.operator.api.v1alpha1.ConditionTypes.REASON_CLUSTER_NOT_READY;
import static com.dittofs.operator.api.v1alpha1.ConditionTypes.REASON_CLUSTER_READY;
import static com.dittofs.operator.api.v1alpha1.ConditionTypes.REASON_PERCONA_NOT_INSTALLED;
import static com.dittofs.operator.api.v1alpha1.ConditionTypes.REASON_SECRET_MISSING;

/**
 * Whether the database a DittoServer needs is usable: with {@code percona.enabled}, the PerconaPGCluster reports
 * {@code status.state: ready} and its user Secret holds every key dfs needs. The StatefulSet is not created or
 * changed before that ({@link PodInputsAvailable}); the DatabaseReady condition reports it.
 *
 * @param ready the server may start
 * @param reason CamelCase reason of the DatabaseReady condition (one of ConditionTypes.REASON_*)
 * @param message what is going on, for users
 */
public record DatabaseReadiness(boolean ready, String reason, String message) {

    /** Empty when the server has no database to wait for (SQLite, or an external PostgreSQL). */
    public static Optional<DatabaseReadiness> of(DittoServer server, Context<DittoServer> context) {
        if (!PerconaSpec.enabledIn(server.getSpec())) {
            return Optional.empty();
        }
        boolean installed = PerconaCrdEventSource.installed(context);
        String name = Names.perconaCluster(server);
        Optional<PerconaPGCluster> cluster = installed
                ? context.getSecondaryResourcesAsStream(PerconaPGCluster.class)
                        .filter(c -> name.equals(c.getMetadata().getName()))
                        .findFirst()
                : Optional.empty();
        @SuppressWarnings("unchecked")
        Map<String, Secret> referenced = context.managedWorkflowAndDependentResourceContext()
                .get(PodInputs.REFERENCED_SECRETS, Map.class).orElse(Map.of());
        return Optional.of(evaluate(server, installed, cluster,
                Optional.ofNullable(referenced.get(Names.perconaUserSecret(server)))));
    }

    /** Pure: the readiness of a Percona-backed server from what was observed. */
    public static DatabaseReadiness evaluate(DittoServer server, boolean crdInstalled,
            Optional<PerconaPGCluster> cluster, Optional<Secret> userSecret) {
        String name = Names.perconaCluster(server);
        if (!crdInstalled) {
            return new DatabaseReadiness(false, REASON_PERCONA_NOT_INSTALLED, "spec.percona.enabled needs the Percona"
                    + " Operator for PostgreSQL, but the CRD " + Percona.CRD_NAME + " is not installed;"
                    + " install it and the database is created without restarting this operator");
        }
        if (cluster.isEmpty()) {
            return new DatabaseReadiness(false, REASON_CLUSTER_CREATING, "Creating PerconaPGCluster " + name);
        }
        String state = Percona.state(cluster.get());
        if (state == null || state.isEmpty() || Percona.STATE_INITIALIZING.equals(state)) {
            return new DatabaseReadiness(false, REASON_CLUSTER_CREATING, "PerconaPGCluster " + name
                    + " is being created (state " + (state == null || state.isEmpty() ? "not reported yet" : state)
                    + ")");
        }
        if (!Percona.STATE_READY.equals(state)) {
            return new DatabaseReadiness(false, REASON_CLUSTER_NOT_READY,
                    "PerconaPGCluster " + name + " is " + state + ", not ready");
        }
        SecretResolution secret = SecretResolution.resolve(PodEnvironment.perconaBindings(server),
                secretName -> userSecret.filter(s -> secretName.equals(s.getMetadata().getName())));
        if (!secret.complete()) {
            return new DatabaseReadiness(false, REASON_SECRET_MISSING, "PerconaPGCluster " + name + " is ready, but: "
                    + String.join("; ", secret.problems()));
        }
        return new DatabaseReadiness(true, REASON_CLUSTER_READY, "PerconaPGCluster " + name
                + " is ready; dfs connects as " + Names.PERCONA_USER + " to database "
                + server.getSpec().getPercona().getDatabaseName());
    }

    /**
     * A missing user Secret carries no watch label yet, so no event announces it: the reconciler looks again.
     * Every other state change comes as an event (the CRD informer, the PerconaPGCluster informer).
     */
    public boolean needsRecheck() {
        return REASON_SECRET_MISSING.equals(reason);
    }
}
