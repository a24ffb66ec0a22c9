package com.dittofs.operator.reconciler;

import java.time.Instant;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Endpoints;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.dependent.DatabaseReadiness;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

import static com.dittofs.operator.reconciler.ConditionTypes.*;

/** Computes the status of a DittoServer from what was observed. Pure: no client, no clock but the one given. */
final class StatusAggregator {

    private StatusAggregator() {
    }

    static DittoServerStatus aggregate(DittoServer server, PodInputs inputs, Optional<StatefulSet> statefulSet,
            Exception error, Instant now) {
        return aggregate(server, inputs, statefulSet, Optional.empty(), error, now);
    }

    /** {@code database}: present only when the server waits for a database of its own (percona.enabled). */
    static DittoServerStatus aggregate(DittoServer server, PodInputs inputs, Optional<StatefulSet> statefulSet,
            Optional<DatabaseReadiness> database, Exception error, Instant now) {
        DittoServerSpec spec = server.getSpec();
        DittoServerStatus previous = server.getStatus() == null ? new DittoServerStatus() : server.getStatus();
        Long generation = server.getMetadata().getGeneration();
        Conditions conditions = new Conditions(previous.getConditions(), generation, now);
        StatefulSetStatus sts = statefulSet.map(StatefulSet::getStatus).orElse(null);
        int replicas = sts == null || sts.getReplicas() == null ? 0 : sts.getReplicas();
        int ready = sts == null || sts.getReadyReplicas() == null ? 0 : sts.getReadyReplicas();
        boolean stopped = spec.getReplicas() == 0;

        boolean configReady = inputs.secrets().complete();
        conditions.set(CONFIG_READY, configReady, configReady ? REASON_CONFIG_RENDERED : REASON_SECRET_MISSING,
                configReady ? "Configuration rendered and every referenced Secret key found"
                        : String.join("; ", inputs.secrets().problems()));

        database.ifPresent(db -> conditions.set(DATABASE_READY, db.ready(), db.reason(), db.message()));
        boolean databaseReady = database.map(DatabaseReadiness::ready).orElse(true);
        // Only a missing Percona operator needs the user; the other states pass on their own.
        boolean databaseFailed = database.map(db -> REASON_PERCONA_NOT_INSTALLED.equals(db.reason())).orElse(false);

        boolean available = !stopped && ready >= 1;
        conditions.set(AVAILABLE, available,
                stopped ? REASON_STOPPED : available ? REASON_POD_READY : REASON_POD_NOT_READY,
                stopped ? "replicas is 0: the server is stopped and its volumes are kept"
                        : available ? "The server pod is ready" : "Waiting for the server pod to become ready");

        boolean rolling = statefulSet.isPresent() && isRolling(statefulSet.get(), spec.getReplicas());
        conditions.set(PROGRESSING, rolling, rolling ? REASON_ROLLING_OUT : REASON_ROLLOUT_COMPLETE,
                rolling ? "The server pod is being created or replaced" : "The server pod runs the desired revision");

        boolean deleting = server.getMetadata().getDeletionTimestamp() != null;
        if (error != null) {
            conditions.set(READY, false, REASON_RECONCILE_ERROR, ErrorMessages.describe(error));
        } else if (deleting) {
            conditions.set(READY, false, REASON_DELETING, "The DittoServer is being deleted");
        } else if (!configReady) {
            conditions.set(READY, false, REASON_SECRET_MISSING, String.join("; ", inputs.secrets().problems()));
        } else if (!databaseReady) {
            conditions.set(READY, false, database.get().reason(), database.get().message());
        } else if (stopped) {
            conditions.set(READY, false, REASON_STOPPED, "replicas is 0: the server is stopped");
        } else if (!available) {
            conditions.set(READY, false, REASON_POD_NOT_READY, "Waiting for the server pod to become ready");
        } else {
            conditions.set(READY, true, REASON_SERVER_READY, "The file server is ready");
        }

        DittoServerStatus status = new DittoServerStatus();
        status.setObservedGeneration(generation);
        status.setPhase(deleting ? Phase.Deleting
                : error != null || !configReady || databaseFailed ? Phase.Failed
                : !databaseReady ? Phase.Pending
                : stopped ? Phase.Stopped
                : available ? Phase.Running
                : Phase.Pending);
        status.setReplicas(replicas);
        status.setReadyReplicas(ready);
        status.setConfigHash(inputs.hash());
        status.setEndpoints(endpoints(server));
        status.setConditions(conditions.build());
        return status;
    }

    private static boolean isRolling(StatefulSet statefulSet, int desiredReplicas) {
        StatefulSetStatus s = statefulSet.getStatus();
        if (s == null || s.getObservedGeneration() == null
                || s.getObservedGeneration() < statefulSet.getMetadata().getGeneration()) {
            return true;
        }
        int updated = s.getUpdatedReplicas() == null ? 0 : s.getUpdatedReplicas();
        int ready = s.getReadyReplicas() == null ? 0 : s.getReadyReplicas();
        int current = s.getReplicas() == null ? 0 : s.getReplicas();
        boolean revisionsMatch = s.getUpdateRevision() == null || s.getUpdateRevision().equals(s.getCurrentRevision());
        return current != desiredReplicas || updated < desiredReplicas || ready < desiredReplicas || !revisionsMatch;
    }

    static Endpoints endpoints(DittoServer server) {
        DittoServerSpec spec = server.getSpec();
        String ns = server.getMetadata().getNamespace();
        Endpoints endpoints = new Endpoints();
        String file = Names.fileService(server) + "." + ns + ".svc";
        if (spec.getNfs().getEnabled()) {
            endpoints.setNfs(file + ":" + spec.getNfs().getPort());
        }
        if (spec.getSmb().getEnabled()) {
            endpoints.setSmb(file + ":" + spec.getSmb().getPort());
        }
        endpoints.setApi((ControlPlaneTlsSpec.enabledIn(spec) ? "https://" : "http://") + Names.apiServiceHost(server)
                + ":" + spec.getControlPlane().getPort());
        if (spec.getMetrics().getEnabled()) {
            endpoints.setMetrics("http://" + Names.metricsService(server) + "." + ns + ".svc:"
                    + spec.getMetrics().getPort() + "/metrics");
        }
        return endpoints;
    }
}
