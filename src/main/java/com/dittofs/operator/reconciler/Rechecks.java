package com.dittofs.operator.reconciler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dependent.ConfigMapDependent;
import com.dittofs.operator.dependent.DatabaseReadiness;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dependent.StatefulSetRecreation;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;

/**
 * When a DittoServer's reconcile looks again although no event may come: every wait the reconcile found, the
 * shortest wins.
 */
final class Rechecks {

    /** A missing Secret carries no watch label yet, so no event announces it: look again after this long. */
    static final Duration MISSING_SECRET_RECHECK = Duration.ofSeconds(10);
    static final Duration INPUTS_COMPLETED_RECHECK = Duration.ofMillis(200);
    /** A data-plane failure with no attempt waiting (the sync still runs) is looked at again after this long. */
    static final Duration DATA_PLANE_RETRY = Duration.ofSeconds(15);
    static final Duration DATA_PLANE_DRIFT_CHECK = Duration.ofMinutes(5);
    /** A refused resize is tried again after this long (allowVolumeExpansion may have been set on the class). */
    static final Duration VOLUME_RECHECK = Duration.ofMinutes(2);

    /**
     * What a reconcile found that asks for another look.
     *
     * @param inputsMissing a Secret the pod reads is missing, or the database asks to be looked at again
     * @param inputsJustCompleted the config was skipped although its inputs are there now (created this pass: JOSDK
     *        sends no event for its own writes), or the database became ready meanwhile
     * @param dataPlaneRetry when a retryable data-plane failure is tried again, empty when none failed
     * @param dataPlaneConverged dfs holds what the spec declares: only drift by hand remains to look for
     */
    record Found(boolean inputsMissing, boolean inputsJustCompleted, Optional<Duration> dataPlaneRetry,
            boolean dataPlaneConverged, boolean volumesAtSize, boolean podAwaited, boolean recreationUnderWay,
            Optional<Duration> certificateRenewal) {
    }

    private Rechecks() {
    }

    static Found found(DittoServer server, PodInputs inputs, Optional<DatabaseReadiness> database,
            WorkflowReconcileResult result, DataPlaneOutcome dataPlane, Duration dataPlaneRetry,
            VolumeExpansion.Outcome volumes, Optional<StatefulSet> statefulSet, Optional<Duration> renewal) {
        return new Found(
                !inputs.secrets().complete() || database.map(DatabaseReadiness::needsRecheck).orElse(false),
                database.map(DatabaseReadiness::ready).orElse(true)
                        && result.getNotReadyDependents().stream().anyMatch(ConfigMapDependent.class::isInstance),
                dataPlane.retryable() ? Optional.of(dataPlaneRetry) : Optional.empty(),
                dataPlane.ready() && ConditionTypes.REASON_CONVERGED.equals(dataPlane.reason()),
                volumes.atSize(), ServerPod.awaited(server, statefulSet), StatefulSetRecreation.underWay(server),
                renewal);
    }

    static UpdateControl<DittoServer> control(Found found) {
        UpdateControl<DittoServer> control = UpdateControl.noUpdate();
        next(found).ifPresent(control::rescheduleAfter);
        return control;
    }

    /** The next look, or none: informer events will say when something changes. */
    static Optional<Duration> next(Found found) {
        List<Duration> waits = new ArrayList<>();
        primary(found).ifPresent(waits::add);
        if (!found.volumesAtSize()) {
            waits.add(VOLUME_RECHECK); // a resizer's capacity update arrives through ServerClaims
        }
        if (found.podAwaited()) {
            waits.add(ServerPod.RECHECK); // a crash loop changes nothing the StatefulSet reports
        }
        if (found.recreationUnderWay()) {
            waits.add(StatefulSetRecreation.RECHECK); // informer events drive it; this is a safety net
        }
        found.certificateRenewal().ifPresent(waits::add); // renew the API certificate in time
        return waits.stream().min(Comparator.naturalOrder());
    }

    /** The wait the reconcile's progress asks for: the first that applies. */
    private static Optional<Duration> primary(Found found) {
        if (found.inputsMissing()) {
            return Optional.of(MISSING_SECRET_RECHECK);
        }
        if (found.inputsJustCompleted()) {
            // the StatefulSet was skipped: go again now (a database still on its way is not polled: its informer
            // reports the change)
            return Optional.of(INPUTS_COMPLETED_RECHECK);
        }
        if (found.dataPlaneRetry().isPresent()) {
            return found.dataPlaneRetry();
        }
        // dfs sends no events: look for drift (shares changed by hand, a restored backup) now and then
        return found.dataPlaneConverged() ? Optional.of(DATA_PLANE_DRIFT_CHECK) : Optional.empty();
    }
}
