package com.dittofs.operator.reconciler;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The REST API address each server was last synced at. A cached dfs client (its connection pools and token) is
 * dropped when its server is deleted or moves to another address (a new pod IP with api-access=pod-ip), so that
 * clients never pile up for servers and addresses that are gone.
 */
final class ApiAddresses {

    private final Map<ResourceID, URI> current = new ConcurrentHashMap<>();
    private final Consumer<URI> evict;

    ApiAddresses(Consumer<URI> evict) {
        this.evict = evict;
    }

    /** The server is synced at {@code uri} now; the client of its previous address, if another, is dropped. */
    void use(ResourceID server, URI uri) {
        URI previous = current.put(server, uri);
        if (previous != null && !previous.equals(uri)) {
            evict.accept(previous);
        }
    }

    /** The server is gone: its client is dropped. */
    void forget(ResourceID server) {
        URI previous = current.remove(server);
        if (previous != null) {
            evict.accept(previous);
        }
    }
}
