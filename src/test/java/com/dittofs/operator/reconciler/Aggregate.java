package com.dittofs.operator.reconciler;

import java.time.Instant;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.dependent.DatabaseReadiness;
import com.dittofs.operator.dependent.PodInputs;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** Shorter calls of {@link StatusAggregator#aggregate} for tests that leave out what does not matter to them. */
final class Aggregate {

    private Aggregate() {
    }

    /** No database of its own, no pod failure, no data-plane result. */
    static DittoServerStatus status(DittoServer server, PodInputs inputs, Optional<StatefulSet> statefulSet,
            Exception error, Instant now) {
        return status(server, inputs, statefulSet, Optional.empty(), null, error, now);
    }

    /** No pod failure, no data-plane result. */
    static DittoServerStatus status(DittoServer server, PodInputs inputs, Optional<StatefulSet> statefulSet,
            Optional<DatabaseReadiness> database, Exception error, Instant now) {
        return status(server, inputs, statefulSet, database, null, error, now);
    }

    /** No pod failure. */
    static DittoServerStatus status(DittoServer server, PodInputs inputs, Optional<StatefulSet> statefulSet,
            Optional<DatabaseReadiness> database, DataPlaneOutcome dataPlane, Exception error, Instant now) {
        return StatusAggregator.aggregate(server, inputs, statefulSet, database, Optional.empty(), dataPlane, error,
                now);
    }
}
