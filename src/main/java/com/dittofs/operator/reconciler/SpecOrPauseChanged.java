package com.dittofs.operator.reconciler;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which updates of a DittoServer reconcile it: a spec change (a new generation), the start of its deletion, and
 * setting or removing the pause annotation (metadata only, so no new generation). Status writes, including the
 * operator's own, and other metadata edits do not. This replaces JOSDK's generation-aware filtering, which would
 * miss the annotation.
 */
@RegisterForReflection // instantiated by name from the controller configuration (native image)
public class SpecOrPauseChanged implements OnUpdateFilter<DittoServer> {

    @Override
    public boolean accept(DittoServer newer, DittoServer older) {
        Long before = older.getMetadata().getGeneration();
        Long after = newer.getMetadata().getGeneration();
        return before == null || after == null || before < after
                || (newer.isMarkedForDeletion() && !older.isMarkedForDeletion())
                || Pause.isPaused(newer) != Pause.isPaused(older);
    }
}
