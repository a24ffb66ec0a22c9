package com.dittofs.operator.reconciler;

import java.util.function.Consumer;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dependent.StatefulSetRecreation;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;

/**
 * The event source of finished data-plane syncs: a sync that ends triggers a reconcile of its server, which
 * publishes the result. Also tells the sync scheduler when a server is gone.
 */
final class DataPlaneEvents extends SimpleInboundEventSource<DittoServer> implements ResourceEventAware<DittoServer> {

    static final String NAME = "data-plane-syncs";

    private final Consumer<ResourceID> onDeleted;

    DataPlaneEvents(Consumer<ResourceID> onDeleted) {
        super(NAME);
        this.onDeleted = onDeleted;
    }

    @Override
    public void onResourceDeleted(DittoServer server) {
        onDeleted.accept(ResourceID.fromResource(server));
        StatefulSetRecreation.forget(ResourceID.fromResource(server));
    }
}
