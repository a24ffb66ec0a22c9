package com.dittofs.operator.cache;

import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The store behind every informer: it keeps what the operator reads, not all the apiserver sends. Dropped on the way
 * in are the {@code managedFields} entries of every other field manager (the StatefulSet controller, the kubelet,
 * kubectl, our own status writes) and kubectl's last-applied annotation, which repeats the whole object (a Secret's
 * data included). With server-side apply those were about half of each cached object; JOSDK's SSA matcher reads only
 * the operator's own {@code Apply} entry of the main resource, which is kept.
 */
@RegisterForReflection
public class LeanItemStore<R extends HasMetadata> implements ItemStore<R> {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    static final String APPLY = "Apply";

    private final BasicItemStore<R> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

    @Override
    public R put(String key, R object) {
        return store.put(key, slim(object));
    }

    /** Removes what the operator never reads from {@code object} itself (the informer's own copy) and returns it. */
    static <R extends HasMetadata> R slim(R object) {
        ObjectMeta meta = object.getMetadata();
        if (meta == null) {
            return object;
        }
        List<ManagedFieldsEntry> fields = meta.getManagedFields();
        if (fields != null && !fields.stream().allMatch(LeanItemStore::readByMatcher)) {
            meta.setManagedFields(new ArrayList<>(fields.stream().filter(LeanItemStore::readByMatcher).toList()));
        }
        Map<String, String> annotations = meta.getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
            annotations.remove(LAST_APPLIED);
        }
        return object;
    }

    /** The entry SSABasedGenericKubernetesResourceMatcher compares against: ours, applied, not a subresource. */
    static boolean readByMatcher(ManagedFieldsEntry entry) {
        return Names.FIELD_MANAGER.equals(entry.getManager()) && APPLY.equals(entry.getOperation())
                && (entry.getSubresource() == null || entry.getSubresource().isEmpty());
    }

    @Override
    public String getKey(R object) {
        return store.getKey(object);
    }

    @Override
    public R remove(String key) {
        return store.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return store.keySet();
    }

    @Override
    public Stream<R> values() {
        return store.values();
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public R get(String key) {
        return store.get(key);
    }
}
