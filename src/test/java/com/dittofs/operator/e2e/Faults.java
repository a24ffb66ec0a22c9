package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;

/** What every fault test checks and prints once the fault is gone. */
final class Faults {

    private Faults() {
    }

    /** Elapsed time since {@code startNanos}. */
    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** The line the fault report collects, e.g. {@code FAULT recovery dfs-500: 8.1 s}. */
    static void printRecovery(String fault, Duration recovery) {
        System.out.println("FAULT recovery " + fault + ": " + seconds(recovery));
    }

    /** Every PVC of the namespace by name, with its uid: a PVC lost and re-created has another uid. */
    static Map<String, String> claims(KubernetesClient admin, String namespace) {
        Map<String, String> claims = new TreeMap<>();
        for (PersistentVolumeClaim c : admin.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
            claims.put(c.getMetadata().getName(), c.getMetadata().getUid());
        }
        return claims;
    }

    static void assertNoDuplicates(List<String> objectNames) {
        assertThat(objectNames).as("objects on dfs").doesNotHaveDuplicates();
    }
}
