package com.dittofs.operator.dependent;

import java.util.function.Function;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.events.CreatedObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import com.dittofs.operator.naming.Labels;

/**
 * Base of the dependents the DittoServer owns (garbage-collected with it): announces what it creates (one event per
 * reconcile, see CreatedObjects).
 */
abstract class DittoDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, DittoServer> {

    private final String component;
    private final Function<DittoServer, String> name;

    /** {@code name}: the object's name for a server (from {@code Names}), which identifies it in the cache. */
    DittoDependent(Class<R> type, String component, Function<DittoServer, String> name) {
        super(type);
        this.component = component;
        this.name = name;
    }

    /**
     * Identifies the object by its name. JOSDK's default computes desired() to learn it: the StatefulSet and its
     * config were rendered twice per reconcile, about 3 % of the CPU while 100 new servers converged.
     */
    @Override
    protected ResourceID targetSecondaryResourceID(DittoServer server, Context<DittoServer> context) {
        return new ResourceID(name.apply(server), server.getMetadata().getNamespace());
    }

    /** Metadata every managed object shares: its name, the server's namespace and the standard labels. */
    ObjectMetaBuilder metadata(DittoServer server, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(server.getMetadata().getNamespace())
                .withLabels(Labels.of(server, server.getSpec().getImage(), component));
    }

    @Override
    public R create(R desired, DittoServer primary, Context<DittoServer> context) {
        R created = super.create(desired, primary, context);
        announceCreated(desired, primary, context);
        return created;
    }

    /** Announces a created object (in the reconcile's one Created event). */
    void announceCreated(R created, DittoServer primary, Context<DittoServer> context) {
        CreatedObjects.add(context, primary, created);
    }
}
