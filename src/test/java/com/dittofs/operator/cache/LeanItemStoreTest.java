package com.dittofs.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeanItemStoreTest {

    private static ManagedFieldsEntry entry(String manager, String operation, String subresource) {
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation(operation)
                .withSubresource(subresource).build();
    }

    private static StatefulSet statefulSet(List<ManagedFieldsEntry> fields) {
        return new StatefulSetBuilder().withNewMetadata().withName("s").withNamespace("ns")
                .withManagedFields(fields)
                .addToAnnotations(LeanItemStore.LAST_APPLIED, "{\"a big\":\"copy\"}")
                .addToAnnotations("kept", "yes")
                .endMetadata().build();
    }

    @Test
    void keepsOnlyTheEntryTheSsaMatcherReadsAndDropsLastApplied() {
        ManagedFieldsEntry ours = entry(Names.FIELD_MANAGER, "Apply", null);
        var store = new LeanItemStore<StatefulSet>();
        StatefulSet object = statefulSet(List.of(entry("kube-controller-manager", "Update", "status"), ours,
                entry(Names.FIELD_MANAGER, "Apply", "status"), entry("kubectl", "Update", null)));

        store.put(store.getKey(object), object);

        StatefulSet cached = store.get("ns/s");
        assertThat(cached.getMetadata().getManagedFields()).containsExactly(ours);
        assertThat(cached.getMetadata().getAnnotations()).containsOnlyKeys("kept");
    }

    @Test
    void anObjectTheOperatorNeverAppliedKeepsAnEmptyListNotNull() {
        var store = new LeanItemStore<StatefulSet>();
        StatefulSet object = statefulSet(List.of(entry("kube-controller-manager", "Update", null)));

        store.put("ns/s", object);

        assertThat(store.get("ns/s").getMetadata().getManagedFields()).isNotNull().isEmpty();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.keySet()).containsExactly("ns/s");
        assertThat(store.remove("ns/s")).isSameAs(object);
        assertThat(store.values()).isEmpty();
    }
}
