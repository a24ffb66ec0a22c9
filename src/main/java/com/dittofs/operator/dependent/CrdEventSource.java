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
 * Whether one CRD of another operator is installed, from a cache of that single CRD (an informer with the field
 * selector {@code metadata.name=<crd>}, so the operator never lists or caches the cluster's other CRDs and its RBAC can
 * name this one). When the CRD appears, becomes established or goes away, every DittoServer that uses it is
 * reconciled: that is how an operator installed after this one (Percona, cert-manager) is picked up without a restart.
 */
public class CrdEventSource extends AbstractEventSource<CustomResourceDefinition, DittoServer> {

    private final String crdName;
    private final Predicate<DittoServerSpec> uses;
    private final KubernetesClient client;
    private final IndexerResourceCache<DittoServer> servers;
    private volatile SharedIndexInformer<CustomResourceDefinition> informer;

    /**
     * @param name the event source's name, by which {@link #installed(Context, String)} finds it
     * @param crdName the CRD, e.g. {@code certificates.cert-manager.io}
     * @param uses which DittoServers to reconcile when the CRD comes or goes
     */
    public CrdEventSource(EventSourceContext<DittoServer> context, String name, String crdName,
            Predicate<DittoServerSpec> uses) {
        super(CustomResourceDefinition.class, name);
        this.crdName = crdName;
        this.uses = uses;
        this.client = context.getClient();
        this.servers = context.getPrimaryCache();
    }

    /** The CRD of the event source named {@code name} is installed in the context's cluster. False when unknown. */
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
        return crd.getMetadata().getDeletionTimestamp() == null && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
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
                        wakeUsers();
                    }

                    @Override
                    public void onUpdate(CustomResourceDefinition before, CustomResourceDefinition after) {
                        if (established(before) != established(after)) {
                            wakeUsers();
                        }
                    }

                    @Override
                    public void onDelete(CustomResourceDefinition crd, boolean deletedFinalStateUnknown) {
                        wakeUsers();
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

    private void wakeUsers() {
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
