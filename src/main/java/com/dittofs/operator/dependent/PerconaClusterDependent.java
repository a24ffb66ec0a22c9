package com.dittofs.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import com.percona.pgv2.v2.PerconaPGCluster;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;

/**
 * {@code <name>-db}: the PerconaPGCluster holding the dfs control-plane database, with one user {@code dittofs} that
 * owns a schema of its own in {@code spec.percona.databaseName}.
 *
 * <p>
 * The database outlives the DittoServer unless {@code deleteWithServer} is true: only then does it carry an owner
 * reference (so garbage collection deletes it with the server). Without one there is nothing to remove before the
 * server goes, hence no finalizer, and deleting a DittoServer can never be blocked. Clusters are mapped to their
 * server by the {@code app.kubernetes.io/instance} label instead of the owner reference, so a DittoServer re-created
 * under the same name picks its database up again.
 *
 * <p>
 * Active only while the PerconaPGCluster CRD is installed ({@link PerconaInstalled}); reconciled only while
 * {@code percona.enabled} ({@link PerconaEnabled}). Nothing depends on this node, so neither condition can ever take
 * the StatefulSet with it; the StatefulSet waits for the database through the config's readiness
 * ({@link PodInputsAvailable}).
 */
// a typed custom resource: without this the generated CSV would list the Percona CRD as required, and OLM would refuse
// to install the operator where Percona is not installed
@CSVMetadata.Optional
@KubernetesDependent(informer = @Informer(itemStore = LeanItemStore.class,
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_DATABASE))
public class PerconaClusterDependent extends DittoDependent<PerconaPGCluster>
        implements SecondaryToPrimaryMapper<PerconaPGCluster> {

    public static final String NAME = "percona-cluster";

    public PerconaClusterDependent() {
        super(PerconaPGCluster.class, Labels.COMPONENT_DATABASE, Names::perconaCluster);
    }

    @Override
    protected PerconaPGCluster desired(DittoServer server, Context<DittoServer> context) {
        return build(server);
    }

    public static PerconaPGCluster build(DittoServer server) {
        PerconaSpec percona = server.getSpec().getPercona();
        PerconaPGCluster cluster = new PerconaPGCluster();
        cluster.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(Names.perconaCluster(server))
                .withNamespace(server.getMetadata().getNamespace())
                .withLabels(Labels.of(server, server.getSpec().getImage(), Labels.COMPONENT_DATABASE))
                .build());
        if (Boolean.TRUE.equals(percona.getDeleteWithServer())) {
            cluster.addOwnerReference(server);
        }
        cluster.setSpec(PerconaClusterSpecs.of(server));
        return cluster;
    }

    /** The owner reference exists only with deleteWithServer; {@link #build} decides. */
    @Override
    protected boolean addOwnerReference() {
        return false;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(PerconaPGCluster cluster) {
        Map<String, String> labels = cluster.getMetadata().getLabels();
        String instance = labels == null ? null : labels.get(Labels.INSTANCE);
        return instance == null ? Set.of() : Set.of(new ResourceID(instance, cluster.getMetadata().getNamespace()));
    }

    /**
     * Percona turned off on a live server: the database is deleted only when the user said so
     * ({@code deleteWithServer}); otherwise it is orphaned (our owner reference, if any, removed) and kept.
     */
    @Override
    protected void handleDelete(DittoServer server, PerconaPGCluster cluster, Context<DittoServer> context) {
        if (cluster == null) {
            return;
        }
        PerconaSpec percona = server.getSpec().getPercona();
        String name = cluster.getMetadata().getName();
        if (percona != null && Boolean.TRUE.equals(percona.getDeleteWithServer())) {
            context.getClient().resource(cluster).delete();
            EventRecorder.normal(context.getClient(), server, EventReasons.DELETED,
                    "Deleted PerconaPGCluster " + name + " (percona disabled with deleteWithServer true)");
        } else if (cluster.hasOwnerReferenceFor(server)) {
            context.getClient().resources(PerconaPGCluster.class).inNamespace(cluster.getMetadata().getNamespace())
                    .withName(name).edit(c -> {
                        List<io.fabric8.kubernetes.api.model.OwnerReference> kept = new ArrayList<>(
                                c.getMetadata().getOwnerReferences());
                        kept.removeIf(r -> server.getMetadata().getUid().equals(r.getUid()));
                        c.getMetadata().setOwnerReferences(kept);
                        return c;
                    });
            EventRecorder.normal(context.getClient(), server, EventReasons.ORPHANED,
                    "PerconaPGCluster " + name + " is no longer owned by this server and is kept");
        }
    }
}
