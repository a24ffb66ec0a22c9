package com.dittofs.operator.dependent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaBackupSpec;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
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
@KubernetesDependent(informer = @Informer(
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_DATABASE))
public class PerconaClusterDependent extends DittoDependent<PerconaPGCluster>
        implements SecondaryToPrimaryMapper<PerconaPGCluster> {

    public static final String NAME = "percona-cluster";
    static final String REPO = "repo1";

    public PerconaClusterDependent() {
        super(PerconaPGCluster.class, Labels.COMPONENT_DATABASE);
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
                .withLabels(Labels.of(server, Labels.COMPONENT_DATABASE))
                .build());
        if (Boolean.TRUE.equals(percona.getDeleteWithServer())) {
            cluster.addOwnerReference(server);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("postgresVersion", percona.getPostgresVersion());
        spec.put("instances", List.of(instance(percona)));
        spec.put("users", List.of(ordered(
                "name", Names.PERCONA_USER,
                "databases", List.of(percona.getDatabaseName()),
                // letters and digits only: nothing to escape wherever the password travels
                "password", Map.of("type", "AlphaNumeric"))));
        // A schema named after the user in its database: dfs creates its tables there. (PostgreSQL 15+ no longer
        // lets every user create objects in the public schema.)
        spec.put("autoCreateUserSchema", true);
        spec.put("backups", backups(server, percona.getBackup()));
        cluster.setAdditionalProperty("spec", spec);
        return cluster;
    }

    private static Map<String, Object> instance(PerconaSpec percona) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("accessModes", List.of("ReadWriteOnce"));
        if (percona.getStorageClassName() != null) {
            claim.put("storageClassName", percona.getStorageClassName());
        }
        claim.put("resources", Map.of("requests", Map.of("storage", percona.getStorageSize())));
        return ordered(
                "name", Names.PERCONA_INSTANCE_SET,
                "replicas", percona.getReplicas(),
                "dataVolumeClaimSpec", claim);
    }

    private static Map<String, Object> backups(DittoServer server, PerconaBackupSpec backup) {
        if (backup == null || !Boolean.TRUE.equals(backup.getEnabled())) {
            return Map.of("enabled", false);
        }
        Map<String, Object> global = new TreeMap<>();
        // One bucket can serve many clusters: each gets its own path.
        global.put(REPO + "-path", "/pgbackrest/" + server.getMetadata().getNamespace() + "/"
                + Names.perconaCluster(server) + "/" + REPO);
        global.put(REPO + "-retention-full", Integer.toString(backup.getRetentionDays()));
        global.put(REPO + "-retention-full-type", "time");
        if (Boolean.TRUE.equals(backup.getForcePathStyle())) {
            global.put(REPO + "-s3-uri-style", "path");
        }
        String endpoint = backup.getEndpoint() != null ? backup.getEndpoint()
                : "s3." + backup.getRegion() + ".amazonaws.com";
        Map<String, Object> repo = ordered(
                "name", REPO,
                "s3", ordered("bucket", backup.getBucket(), "endpoint", endpoint, "region", backup.getRegion()),
                "schedules", ordered("full", backup.getFullSchedule(),
                        "incremental", backup.getIncrementalSchedule()));
        Map<String, Object> pgbackrest = ordered(
                "configuration", List.of(Map.of("secret",
                        Map.of("name", backup.getCredentialsSecretRef().getName()))),
                "global", global,
                "repos", List.of(repo));
        return ordered("enabled", true, "pgbackrest", pgbackrest);
    }

    /** A map keeping the order of its key/value pairs, so the desired object always serialises the same. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
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

    @Override
    protected ResourceID targetSecondaryResourceID(DittoServer server, Context<DittoServer> context) {
        return new ResourceID(Names.perconaCluster(server), server.getMetadata().getNamespace());
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
