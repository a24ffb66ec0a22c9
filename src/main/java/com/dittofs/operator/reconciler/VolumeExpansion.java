package com.dittofs.operator.reconciler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.StorageSpec;
import com.dittofs.operator.api.v1alpha1.VolumeStatus;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Grows the server's volume claims to the sizes spec.storage declares (the claims exist already, so their template
 * no longer matters) and reports what each claim requests and has. Growing a claim is the apiserver's and the
 * storage provider's business: the apiserver refuses it unless the StorageClass allows expansion, and the provider's
 * resizer later sets the claim's capacity.
 */
final class VolumeExpansion {

    private static final String AT_SIZE_MESSAGE = "The volume claims have the sizes spec.storage declares (the StatefulSet"
            + " creates a missing one at its size)";

    /** How the PersistentVolumeClaimResize admission plugin says the StorageClass does not allow expansion. */
    static final String NOT_SUPPORTED_MARKER = "must support resize";

    /** What a pass found: each claim, and the VolumesResized condition. */
    record Outcome(List<VolumeStatus> volumes, boolean atSize, String reason, String message) {
    }

    /** A claim asking for less than the spec declares. */
    record Resize(PersistentVolumeClaim claim, String declared) {
    }

    private VolumeExpansion() {
    }

    /** The declared size of each volume, by volume name. */
    static Map<String, String> declared(StorageSpec storage) {
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put(Names.VOLUME_METADATA, storage.getMetadataSize());
        sizes.put(Names.VOLUME_CACHE, storage.getCacheSize());
        if (storage.getContentSize() != null) {
            sizes.put(Names.VOLUME_CONTENT, storage.getContentSize());
        }
        return sizes;
    }

    /** Patches each bound claim that asks for less than declared; then reports. */
    static Outcome run(DittoServer server, Collection<PersistentVolumeClaim> claims, KubernetesClient client) {
        Map<String, String> refused = new LinkedHashMap<>();
        List<PersistentVolumeClaim> current = new ArrayList<>(claims);
        for (Resize resize : resizes(server, claims)) {
            String name = resize.claim().getMetadata().getName();
            try {
                PersistentVolumeClaim grown = grow(resize, client);
                current.remove(resize.claim());
                current.add(grown);
                EventRecorder.normal(client, server, EventReasons.VOLUME_RESIZE_REQUESTED, "Asked claim " + name
                        + " for " + resize.declared() + " (was " + requested(resize.claim()) + ")");
            } catch (KubernetesClientException e) {
                refused.put(name, e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage() : ErrorMessages.shortCause(e));
            }
        }
        return report(server, current, refused);
    }

    /** The bound claims of this server that request less than the spec declares. Pure. */
    static List<Resize> resizes(DittoServer server, Collection<PersistentVolumeClaim> claims) {
        List<Resize> resizes = new ArrayList<>();
        declared(server.getSpec().getStorage()).forEach((volume, size) -> claim(server, volume, claims)
                .filter(c -> "Bound".equals(c.getStatus() == null ? null : c.getStatus().getPhase()))
                .filter(c -> smaller(requested(c), size))
                .ifPresent(c -> resizes.add(new Resize(c, size))));
        return resizes;
    }

    /**
     * The volumes and the VolumesResized condition. Pure.
     *
     * @param refused claim name -> the apiserver's answer, for resizes it refused in this pass
     */
    static Outcome report(DittoServer server, Collection<PersistentVolumeClaim> claims, Map<String, String> refused) {
        List<VolumeStatus> volumes = new ArrayList<>();
        List<String> growing = new ArrayList<>();
        List<String> unbound = new ArrayList<>();
        declared(server.getSpec().getStorage()).forEach((volume, size) -> claim(server, volume, claims).ifPresent(c -> {
            String capacity = capacity(c);
            volumes.add(new VolumeStatus(volume, c.getMetadata().getName(), requested(c), capacity));
            if (capacity != null && smaller(capacity, requested(c))) {
                growing.add(c.getMetadata().getName() + " requests " + requested(c) + " and has " + capacity);
            } else if (capacity == null && smaller(requested(c), size)) {
                unbound.add(c.getMetadata().getName());
            }
        }));
        Optional<Map.Entry<String, String>> notSupported = refused.entrySet().stream()
                .filter(e -> e.getValue().contains(NOT_SUPPORTED_MARKER)).findFirst();
        if (notSupported.isPresent()) {
            return new Outcome(volumes, false, ConditionTypes.REASON_EXPANSION_NOT_SUPPORTED, notSupportedMessage(
                    server, notSupported.get().getKey()));
        }
        if (!refused.isEmpty()) {
            var first = refused.entrySet().iterator().next();
            return new Outcome(volumes, false, ConditionTypes.REASON_RESIZE_FAILED,
                    "Resizing claim " + first.getKey() + " failed: " + first.getValue());
        }
        if (!growing.isEmpty() || !unbound.isEmpty()) {
            return new Outcome(volumes, false, ConditionTypes.REASON_RESIZE_IN_PROGRESS, inProgressMessage(growing,
                    unbound));
        }
        // one message with or without claims: a new server's claims appearing are no status write of their own
        return new Outcome(volumes, true, ConditionTypes.REASON_VOLUMES_AT_SIZE, AT_SIZE_MESSAGE);
    }

    private static String notSupportedMessage(DittoServer server, String claim) {
        String storageClass = server.getSpec().getStorage().getStorageClassName();
        return "The StorageClass " + (storageClass == null ? "(the cluster default)" : storageClass)
                + " does not allow volume expansion (allowVolumeExpansion): claim " + claim
                + " keeps its size. The server runs on; set allowVolumeExpansion on the class to resize.";
    }

    private static String inProgressMessage(List<String> growing, List<String> unbound) {
        List<String> parts = new ArrayList<>();
        if (!growing.isEmpty()) {
            parts.add("Waiting for the storage provider to resize: " + String.join(", ", growing));
        }
        if (!unbound.isEmpty()) {
            parts.add("Resized once bound: " + String.join(", ", unbound));
        }
        return String.join(". ", parts);
    }

    private static PersistentVolumeClaim grow(Resize resize, KubernetesClient client) {
        String patch = "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + resize.declared() + "\"}}}}";
        return client.persistentVolumeClaims().inNamespace(resize.claim().getMetadata().getNamespace())
                .withName(resize.claim().getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    private static Optional<PersistentVolumeClaim> claim(DittoServer server, String volume,
            Collection<PersistentVolumeClaim> claims) {
        String name = Names.claim(server, volume);
        return claims.stream().filter(c -> name.equals(c.getMetadata().getName())).findFirst();
    }

    static String requested(PersistentVolumeClaim claim) {
        var requests = claim.getSpec().getResources() == null ? null : claim.getSpec().getResources().getRequests();
        Quantity q = requests == null ? null : requests.get("storage");
        return q == null ? null : q.toString();
    }

    static String capacity(PersistentVolumeClaim claim) {
        var capacity = claim.getStatus() == null ? null : claim.getStatus().getCapacity();
        Quantity q = capacity == null ? null : capacity.get("storage");
        return q == null ? null : q.toString();
    }

    /** Whether quantity a is smaller than b (numerically: 1024Mi equals 1Gi); an absent a is not. */
    static boolean smaller(String a, String b) {
        return a != null && b != null
                && Quantity.getAmountInBytes(new Quantity(a)).compareTo(Quantity.getAmountInBytes(new Quantity(b))) < 0;
    }
}
