package com.dittofs.operator.dfsclient;

import java.util.List;
import java.util.Optional;

/**
 * The dfs calls only tests make (probes, listings, deletes of stores), over the REST interfaces and the session of an
 * operator {@link DfsClient}, with the same retries, re-login and error translation.
 */
public final class DfsTestClient {

    private final DfsClient client;

    private DfsTestClient(DfsClient client) {
        this.client = client;
    }

    public static DfsTestClient of(DfsClient client) {
        return new DfsTestClient(client);
    }

    /** The access token the client's session sends now (logging in or refreshing first when due). */
    public String accessToken() {
        return client.session().bearer().substring("Bearer ".length());
    }

    /** Single attempt, the caller polls. */
    public HealthReport health() {
        return Calls.invoke(client.auth::health);
    }

    /** Single attempt, the caller polls. */
    public HealthReport ready() {
        return Calls.invoke(client.auth::ready);
    }

    public List<Adapter> adapters() {
        return client.read(b -> client.adapters.list(b));
    }

    public List<MetadataStore> metadataStores() {
        return client.read(b -> client.stores.listMetadata(b));
    }

    public void deleteMetadataStore(String name) {
        client.run(b -> client.stores.deleteMetadata(b, name));
    }

    public List<BlockStore> blockStores(BlockStoreKind kind) {
        return client.read(b -> client.stores.listBlock(b, kind.path()));
    }

    public void deleteBlockStore(BlockStoreKind kind, String name) {
        client.run(b -> client.stores.deleteBlock(b, kind.path(), name));
    }

    /** A share by its name, with or without the leading slash. */
    public Optional<Share> findShare(String name) {
        return client.find(b -> client.shares.get(b, DfsClient.key(name)));
    }
}
