package com.dittofs.operator.dependent;

import java.util.Optional;
import java.util.Set;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
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
 * Whether the PerconaPGCluster CRD is installed, from a cache of that single CRD (an informer with the field selector
 * {@code metadata.name=perconapgclusters.pgv2.percona.com}, so the operator never lists or caches the cluster's
 * other CRDs and its RBAC can name this one). When the CRD appears, becomes established or goes away, every
 * DittoServer with {@code percona.enabled} is reconciled: that is how a Percona operator installed after this one is
 * picked up without a restart.
 */
public class PerconaCrdEventSource extends AbstractEventSource<CustomResourceDefinition, DittoServer> {

    public static final String NAME = "percona-crd";

    private final KubernetesClient client;
    private final IndexerResourceCache<DittoServer> servers;
    private volatile SharedIndexInformer<CustomResourceDefinition> informer;

    public PerconaCrdEventSource(EventSourceContext<DittoServer> context) {
        super(CustomResourceDefinition.class, NAME);
        this.client = context.getClient();
        this.servers = context.getPrimaryCache();
    }

    /** The CRD is installed in the cluster the context's operator runs against. False when unknown. */
    public static boolean installed(Context<DittoServer> context) {
        try {
            return context.eventSourceRetriever()
                    .getEventSourceFor(CustomResourceDefinition.class, NAME) instanceof PerconaCrdEventSource source
                    && source.installed();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The CRD exists, the apiserver serves it (condition Established) and it is not being deleted: while a deleted CRD
     * terminates it stays Established, but its clusters are being deleted and creating one is forbidden.
     */
    public boolean installed() {
        return crd().map(PerconaCrdEventSource::established).orElse(false);
    }

    private Optional<CustomResourceDefinition> crd() {
        SharedIndexInformer<CustomResourceDefinition> current = informer;
        if (current == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.getStore().getByKey(Cache.namespaceKeyFunc(null, PerconaPGCluster.CRD_NAME)));
    }

    /** The one definition of a usable CRD, for the operator and its tests. */
    public static boolean established(CustomResourceDefinition crd) {
        return crd.getMetadata().getDeletionTimestamp() == null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void start() {
        informer = client.apiextensions().v1().customResourceDefinitions()
                .withField("metadata.name", PerconaPGCluster.CRD_NAME)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(CustomResourceDefinition crd) {
                        wakePerconaServers();
                    }

                    @Override
                    public void onUpdate(CustomResourceDefinition before, CustomResourceDefinition after) {
                        if (established(before) != established(after)) {
                            wakePerconaServers();
                        }
                    }

                    @Override
                    public void onDelete(CustomResourceDefinition crd, boolean deletedFinalStateUnknown) {
                        wakePerconaServers();
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

    private void wakePerconaServers() {
        if (getEventHandler() == null) {
            return;
        }
        servers.list(server -> PerconaSpec.enabledIn(server.getSpec()))
                .forEach(server -> getEventHandler().handleEvent(new Event(ResourceID.fromResource(server))));
    }

    @Override
    public Set<CustomResourceDefinition> getSecondaryResources(DittoServer primary) {
        return crd().map(Set::of).orElse(Set.of());
    }
}
