package com.dittofs.operator.reconciler.restore;

import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotRestore;
import com.dittofs.operator.api.v1alpha1.SnapshotRestoreSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The dfs id of the snapshot a restore names: spec.snapshot.id, or the status.snapshotId of the DittoSnapshot it
 * names. The DittoSnapshot is read as a generic resource (its spec.server, spec.share and status.snapshotId only), so
 * that this does not depend on its Java type.
 */
final class SnapshotIds {

    static final ResourceDefinitionContext DITTO_SNAPSHOT = new ResourceDefinitionContext.Builder()
            .withGroup("dittofs.dittofs.com").withVersion("v1alpha1").withKind("DittoSnapshot")
            .withPlural("dittosnapshots").withNamespaced(true).build();

    /** The id, or why there is none yet ({@code waiting}) or will never be ({@code refused}). */
    record Lookup(String id, String reason, String message, boolean refused) {
    }

    private SnapshotIds() {
    }

    static Lookup lookup(DittoSnapshotRestore restore, KubernetesClient client) {
        SnapshotRestoreSpec spec = restore.getSpec();
        if (spec.getSnapshot().getId() != null) {
            return new Lookup(spec.getSnapshot().getId(), null, null, false);
        }
        String name = spec.getSnapshot().getDittoSnapshotName();
        GenericKubernetesResource snapshot = client.genericKubernetesResources(DITTO_SNAPSHOT)
                .inNamespace(restore.getMetadata().getNamespace()).withName(name).get();
        return of(spec, name, snapshot);
    }

    static Lookup of(SnapshotRestoreSpec spec, String name, GenericKubernetesResource snapshot) {
        if (snapshot == null) {
            return new Lookup(null, ConditionTypes.REASON_SNAPSHOT_NOT_READY, "DittoSnapshot " + name
                    + " does not exist in this namespace.", false);
        }
        Map<String, Object> theirSpec = map(snapshot.getAdditionalProperties().get("spec"));
        if (!spec.getServer().equals(theirSpec.get("server")) || !spec.getShare().equals(theirSpec.get("share"))) {
            return new Lookup(null, ConditionTypes.REASON_SNAPSHOT_NOT_FOUND, "DittoSnapshot " + name + " is a"
                    + " snapshot of share " + theirSpec.get("share") + " of DittoServer " + theirSpec.get("server")
                    + ", not of " + spec.getShare() + " of " + spec.getServer() + ".", true);
        }
        Object id = map(snapshot.getAdditionalProperties().get("status")).get("snapshotId");
        return Optional.ofNullable(id).map(Object::toString).filter(s -> !s.isBlank())
                .map(s -> new Lookup(s, null, null, false))
                .orElseGet(() -> new Lookup(null, ConditionTypes.REASON_SNAPSHOT_NOT_READY, "DittoSnapshot " + name
                        + " has no snapshot id yet.", false));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
