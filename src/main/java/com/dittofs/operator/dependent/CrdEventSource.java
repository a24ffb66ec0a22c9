package com.dittofs.operator.dependent;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;

/**
 * Whether one optional CRD (another operator's) is installed, from a cache of that single CRD (an informer with the
 * field selector {@code metadata.name=<crd>}, so the operator never lists or caches the cluster's other CRDs and its
 * RBAC can name this one). When the CRD appears, becomes established or goes away, every DittoServer that uses it is
 * reconciled: that is how another operator installed after this one is picked up without a restart. A dependent on
 * such a CRD is activated by {@link #installed(Context, String)}, which starts its informer only then.
 */
public class CrdEventSource extends AbstractEventSource<CustomResourceDefinition, DittoServer> {

    private final String crdName;
    private final Predicate<DittoServerSpec> uses;
    private final KubernetesClient client;
    private final IndexerResourceCache<DittoServer> servers;
    private volatile SharedIndexInformer<CustomResourceDefinition> informer;

    /** {@code name} names the event source; {@code uses} picks the servers to wake when the CRD changes. */
    public CrdEventSource(EventSourceContext<DittoServer> context, String name, String crdName,
            Predicate<DittoServerSpec> uses) {
        super(CustomResourceDefinition.class, name);
        this.crdName = crdName;
        this.uses = uses;
        this.client = context.getClient();
        this.servers = context.getPrimaryCache();
    }

    /** The CRD of the event source {@code name} is installed in the context's cluster. False when unknown. */
    public static boolean installed(Context<DittoServer> context, String name) {
        try {
            return context.eventSourceRetriever()
                    .getEventSourceFor(CustomResourceDefinition.class, name) instanceof CrdEventSource source
                    && source.installed();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The CRD exists, the apiserver serves it (condition Established) and it is not being deleted: while a deleted CRD
     * terminates it stays Established, but its objects are being deleted and creating one is forbidden.
     */
    public boolean installed() {
        return crd().map(CrdEventSource::established).orElse(false);
    }

    private Optional<CustomResourceDefinition> crd() {
        SharedIndexInformer<CustomResourceDefinition> current = informer;
        if (current == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.getStore().getByKey(Cache.namespaceKeyFunc(null, crdName)));
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd.getMetadata().getDeletionTimestamp() == null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void start() {
        informer = client.apiextensions().v1().customResourceDefinitions()
                .withField("metadata.name", crdName)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(CustomResourceDefinition crd) {
                        wakeServers();
                    }

                    @Override
                    public void onUpdate(CustomResourceDefinition before, CustomResourceDefinition after) {
                        if (established(before) != established(after)) {
                            wakeServers();
                        }
                    }

                    @Override
                    public void onDelete(CustomResourceDefinition crd, boolean deletedFinalStateUnknown) {
                        wakeServers();
                    }
                }, 0);
        super.start();
    }

    @Override
    public void stop() {
        SharedIndexInformer<CustomResourceDefinition> current = informer;
        if (current != null) {
            current.close();
        }
        super.stop();
    }

    private void wakeServers() {
        if (getEventHandler() == null) {
            return;
        }
        servers.list(server -> uses.test(server.getSpec()))
                .forEach(server -> getEventHandler().handleEvent(new Event(ResourceID.fromResource(server))));
    }

    @Override
    public Set<CustomResourceDefinition> getSecondaryResources(DittoServer primary) {
        return crd().map(Set::of).orElse(Set.of());
    }
}
