package com.dittofs.operator.dependent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The StatefulSet's volume claim templates. They are immutable, so they change only when a declared size grew: the
 * StatefulSet is then re-created (see StatefulSetDependent). Otherwise the existing templates are kept as they are,
 * so that 1024Mi against 1Gi, or an older label on a template, never re-creates anything.
 */
final class ClaimTemplates {

    private ClaimTemplates() {
    }

    /** The templates the StatefulSet should have: the existing ones unless a size differs from the spec's. */
    static List<PersistentVolumeClaim> desired(DittoServer server, Optional<List<PersistentVolumeClaim>> existing) {
        List<PersistentVolumeClaim> declared = StatefulSetDependent.claims(server);
        return existing.filter(templates -> sameSizes(templates, declared)).orElse(declared);
    }

    /** Whether two StatefulSets' claim templates ask for different sizes (numerically). */
    static boolean resized(StatefulSet actual, StatefulSet desired) {
        return !sameSizes(actual.getSpec().getVolumeClaimTemplates(), desired.getSpec().getVolumeClaimTemplates());
    }

    static boolean sameSizes(List<PersistentVolumeClaim> a, List<PersistentVolumeClaim> b) {
        return sizes(a).equals(sizes(b));
    }

    /** Template name -> requested bytes. */
    private static Map<String, java.math.BigDecimal> sizes(List<PersistentVolumeClaim> templates) {
        return templates == null ? Map.of() : templates.stream().collect(Collectors.toMap(
                t -> t.getMetadata().getName(),
                t -> Quantity.getAmountInBytes(t.getSpec().getResources().getRequests().get("storage"))
                        .stripTrailingZeros()));
    }
}
