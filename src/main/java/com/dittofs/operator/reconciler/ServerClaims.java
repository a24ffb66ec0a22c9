package com.dittofs.operator.reconciler;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * The volume claims of the server pods, which the StatefulSet controller creates from the claim templates (so they
 * carry the templates' labels, and no owner reference to the DittoServer). A change of what the operator reads of a
 * claim ({@link ClaimChanged}), such as a resizer setting its new capacity, reconciles its server.
 */
final class ServerClaims {

    static final String EVENT_SOURCE = "server-claims";

    private ServerClaims() {
    }

    static InformerEventSource<PersistentVolumeClaim, DittoServer> eventSource(EventSourceContext<DittoServer> context) {
        var configuration = InformerEventSourceConfiguration.from(PersistentVolumeClaim.class, DittoServer.class)
                .withName(EVENT_SOURCE)
                .withLabelSelector(Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_SERVER)
                .withSecondaryToPrimaryMapper(claim -> {
                    String server = claim.getMetadata().getLabels().get(Labels.INSTANCE);
                    return server == null ? Set.of()
                            : Set.of(new ResourceID(server, claim.getMetadata().getNamespace()));
                })
                .withPrimaryToSecondaryMapper((DittoServer server) -> Stream
                        .of(Names.VOLUME_METADATA, Names.VOLUME_CACHE, Names.VOLUME_CONTENT)
                        .map(volume -> new ResourceID(Names.claim(server, volume), server.getMetadata().getNamespace()))
                        .collect(Collectors.toSet()))
                .withOnAddFilter(ClaimChanged::bound)
                .withOnUpdateFilter(new ClaimChanged())
                .withItemStore(new LeanItemStore<>())
                .build();
        return new InformerEventSource<>(configuration, context);
    }
}
