package com.dittofs.operator.reconciler;

import java.time.Instant;
import java.util.List;
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

import static com.dittofs.operator.api.v1alpha1.ConditionTypes.*;

/**
 * Computes the whole status of a DittoServer from everything observed: the workload, the database, the data plane
 * and a reconcile error. The one place the status is made. Pure: no client, no clock but the one given.
 */
final class StatusAggregator {

    private StatusAggregator() {
    }

    /**
     * @param database present only when the server waits for a database of its own (percona.enabled)
     * @param podFailure why the server pod keeps failing ({@link PodFailures}), empty when it is not read or is only
     *                   on its way: Available and Ready then say so instead of waiting
     * @param dataPlane what the data-plane step found, or null when this pass did not get that far (an error): then
     *                  the data plane's part of the status stays as it was
     */
    static DittoServerStatus aggregate(DittoServer server, PodInputs inputs, Optional<StatefulSet> statefulSet,
            Optional<DatabaseReadiness> database, Optional<PodFailures.Failure> podFailure, DataPlaneOutcome dataPlane,
            Exception error, Instant now) {
        DittoServerStatus previous = server.getStatus() == null ? new DittoServerStatus() : server.getStatus();
        Long generation = server.getMetadata().getGeneration();
        Conditions conditions = new Conditions(previous.getConditions(), generation, now);
        Observed seen = observe(server, inputs, statefulSet, database, podFailure, error);
        workloadConditions(conditions, seen, inputs, statefulSet, database, server.getSpec().getReplicas());
        dataPlaneCondition(conditions, previous, dataPlane);
        boolean dataPlaneBlocks = seen.serverReady() && dataPlane != null && !dataPlane.ready();
        readyCondition(conditions, seen, inputs, database, dataPlaneBlocks ? dataPlane : null, error);
        if (!ControlPlaneTlsSpec.enabledIn(server.getSpec())) {
            conditions.set(API_ENCRYPTED, false, REASON_TLS_DISABLED, "spec.controlPlane.tls.mode is Disabled: the"
                    + " REST API speaks plain HTTP, and the passwords the operator sends to dfs cross the pod network"
                    + " in clear");
        }

        DittoServerStatus status = new DittoServerStatus();
        status.setObservedGeneration(generation);
        status.setPhase(dataPlaneBlocks ? dataPlane.phaseWhenNotReady() : phase(seen, database, error));
        StatefulSetStatus sts = statefulSet.map(StatefulSet::getStatus).orElse(null);
        status.setReplicas(sts == null || sts.getReplicas() == null ? 0 : sts.getReplicas());
        status.setReadyReplicas(readyReplicas(statefulSet));
        status.setConfigHash(inputs.hash());
        status.setEndpoints(endpoints(server));
        status.setImage(templateImage(statefulSet).orElse(null));
        status.setDfsVersion(dataPlane == null ? previous.getDfsVersion() : dataPlane.dfsVersion());
        status.setConditions(conditions.build());
        status.setShares(dataPlane == null ? previous.getShares() : dataPlane.shares());
        boolean usersSeen = dataPlane != null && dataPlane.access() != null && dataPlane.access().users() != null;
        status.setUsers(usersSeen ? emptyToNull(dataPlane.access().users()) : previous.getUsers());
        OwnershipStatus.apply(status, previous, dataPlane);
        return status;
    }

    /** The image of the dfs container in the StatefulSet's pod template: what the server's pods run once rolled. */
    static Optional<String> templateImage(Optional<StatefulSet> statefulSet) {
        return statefulSet.map(StatefulSet::getSpec).map(s -> s.getTemplate()).map(t -> t.getSpec())
                .flatMap(pod -> pod.getContainers().stream().filter(c -> Names.CONTAINER.equals(c.getName()))
                        .findFirst())
                .map(c -> c.getImage());
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    /** The facts the server-side conditions, Ready and the phase are decided from. */
    /** {@code podFailure}: why the pod keeps failing, only while it is not available. */
    private record Observed(boolean configReady, boolean databaseReady, boolean stopped, boolean available,
            boolean deleting, boolean serverReady, Optional<PodFailures.Failure> podFailure) {
    }

    private static Observed observe(DittoServer server, PodInputs inputs, Optional<StatefulSet> statefulSet,
            Optional<DatabaseReadiness> database, Optional<PodFailures.Failure> podFailure, Exception error) {
        boolean configReady = inputs.secrets().complete();
        boolean databaseReady = database.map(DatabaseReadiness::ready).orElse(true);
        boolean stopped = server.getSpec().getReplicas() == 0;
        boolean available = !stopped && readyReplicas(statefulSet) >= 1;
        boolean deleting = server.getMetadata().getDeletionTimestamp() != null;
        boolean serverReady = error == null && !deleting && configReady && databaseReady && available;
        return new Observed(configReady, databaseReady, stopped, available, deleting, serverReady,
                stopped || available ? Optional.empty() : podFailure);
    }

    /** Ready replicas of the server's StatefulSet, 0 when there is none yet. */
    static int readyReplicas(Optional<StatefulSet> statefulSet) {
        StatefulSetStatus sts = statefulSet.map(StatefulSet::getStatus).orElse(null);
        return sts == null || sts.getReadyReplicas() == null ? 0 : sts.getReadyReplicas();
    }

    private static void workloadConditions(Conditions conditions, Observed seen, PodInputs inputs,
            Optional<StatefulSet> statefulSet, Optional<DatabaseReadiness> database, int desiredReplicas) {
        conditions.set(CONFIG_READY, seen.configReady(),
                seen.configReady() ? REASON_CONFIG_RENDERED : REASON_SECRET_MISSING,
                seen.configReady() ? "Configuration rendered and every referenced Secret key found"
                        : String.join("; ", inputs.secrets().problems()));
        database.ifPresent(db -> conditions.set(DATABASE_READY, db.ready(), db.reason(), db.message()));
        if (seen.podFailure().isPresent()) {
            conditions.set(AVAILABLE, false, seen.podFailure().get().reason(), seen.podFailure().get().message());
        } else {
            conditions.set(AVAILABLE, seen.available(),
                    seen.stopped() ? REASON_STOPPED : seen.available() ? REASON_POD_READY : REASON_POD_NOT_READY,
                    seen.stopped() ? "replicas is 0: the server is stopped and its volumes are kept"
                            : seen.available() ? "The server pod is ready" : "Waiting for the server pod to become ready");
        }
        boolean rolling = statefulSet.isPresent() && isRolling(statefulSet.get(), desiredReplicas);
        conditions.set(PROGRESSING, rolling, rolling ? REASON_ROLLING_OUT : REASON_ROLLOUT_COMPLETE,
                rolling ? "The server pod is being created or replaced" : "The server pod runs the desired revision");
    }

    /** DataPlaneReady from this pass's outcome, or as it was when the pass did not reach the data plane. */
    private static void dataPlaneCondition(Conditions conditions, DittoServerStatus previous,
            DataPlaneOutcome dataPlane) {
        if (dataPlane != null) {
            conditions.set(DATA_PLANE_READY, dataPlane.ready(), dataPlane.reason(), dataPlane.conditionMessage());
        } else if (previous.getConditions() != null) {
            previous.getConditions().stream().filter(c -> DATA_PLANE_READY.equals(c.getType())).findFirst()
                    .ifPresent(conditions::keep);
        }
    }

    /** {@code blockingDataPlane}: the data plane that keeps an otherwise ready server from being Ready, or null. */
    private static void readyCondition(Conditions conditions, Observed seen, PodInputs inputs,
            Optional<DatabaseReadiness> database, DataPlaneOutcome blockingDataPlane, Exception error) {
        if (error != null) {
            conditions.set(READY, false, ErrorMessages.specRejected(error) ? REASON_SPEC_REJECTED
                    : REASON_RECONCILE_ERROR, ErrorMessages.describe(error));
        } else if (seen.deleting()) {
            conditions.set(READY, false, REASON_DELETING, "The DittoServer is being deleted");
        } else if (!seen.configReady()) {
            conditions.set(READY, false, REASON_SECRET_MISSING, String.join("; ", inputs.secrets().problems()));
        } else if (!seen.databaseReady()) {
            conditions.set(READY, false, database.get().reason(), database.get().message());
        } else if (seen.stopped()) {
            conditions.set(READY, false, REASON_STOPPED, "replicas is 0: the server is stopped");
        } else if (seen.podFailure().isPresent()) {
            conditions.set(READY, false, seen.podFailure().get().reason(), seen.podFailure().get().message());
        } else if (!seen.available()) {
            conditions.set(READY, false, REASON_POD_NOT_READY, "Waiting for the server pod to become ready");
        } else if (blockingDataPlane != null) {
            conditions.set(READY, false, REASON_DATA_PLANE_NOT_READY, blockingDataPlane.message());
        } else {
            conditions.set(READY, true, REASON_SERVER_READY, "The file server is ready");
        }
    }

    private static Phase phase(Observed seen, Optional<DatabaseReadiness> database, Exception error) {
        // Only a missing Percona operator needs the user; the other database states pass on their own.
        boolean databaseFailed = database.map(db -> REASON_PERCONA_NOT_INSTALLED.equals(db.reason())).orElse(false);
        return seen.deleting() ? Phase.Deleting
                : error != null || !seen.configReady() || databaseFailed || seen.podFailure().isPresent()
                        ? Phase.Failed
                : !seen.databaseReady() ? Phase.Pending
                : seen.stopped() ? Phase.Stopped
                : seen.available() ? Phase.Running
                : Phase.Pending;
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
