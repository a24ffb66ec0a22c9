package com.dittofs.operator.reconciler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The servers whose shares a DittoSnapshotRestore is restoring right now, in this operator process, and which
 * restore. The data-plane sync of such a server waits: a pass during a restore could create, update or delete shares
 * of the metadata store dfs is resetting, or adopt a share's state mid-way. In memory on purpose: a restore that was
 * running when the operator stopped is never resumed (it is marked Failed), so nothing outlives the process.
 */
@ApplicationScoped
public class RestoreHolds {

    private final Map<ResourceID, String> held = new ConcurrentHashMap<>();
    private final List<Consumer<ResourceID>> onRelease = new CopyOnWriteArrayList<>();

    /** @return false if another restore already holds the server */
    public boolean hold(ResourceID server, String restore) {
        return held.putIfAbsent(server, restore) == null || restore.equals(held.get(server));
    }

    public void release(ResourceID server, String restore) {
        if (held.remove(server, restore)) {
            onRelease.forEach(listener -> listener.accept(server));
        }
    }

    /** Called with the server each time a restore of it ends (the data-plane step resumes its sync). */
    void onRelease(Consumer<ResourceID> listener) {
        onRelease.add(listener);
    }

    /** The name of the DittoSnapshotRestore restoring the server, if one is. */
    public Optional<String> holder(ResourceID server) {
        return Optional.ofNullable(held.get(server));
    }
}
