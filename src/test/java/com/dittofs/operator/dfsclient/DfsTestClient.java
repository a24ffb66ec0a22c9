package com.dittofs.operator.dfsclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The dfs calls only tests make (probes, listings, deletes of stores), over {@link DfsTestApi} (plain HTTP) and the
 * session of an operator {@link DfsClient}, with its retries, re-login and error translation.
 */
public final class DfsTestClient implements AutoCloseable {

    private final DfsClient client;
    private final DfsTestApi api;

    private DfsTestClient(DfsClient client, DfsTestApi api) {
        this.client = client;
        this.api = api;
    }

    /** Test calls to the dfs at {@code baseUri}, which {@code client} is the operator's client of. */
    public static DfsTestClient of(DfsClient client, URI baseUri) {
        return new DfsTestClient(client, QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .disableDefaultMapper(true)
                .register(new ProblemMapper())
                .build(DfsTestApi.class));
    }

    /** The access token the client's session sends now (logging in or refreshing first when due). */
    public static String accessToken(DfsClient client) {
        return client.session().bearer().substring("Bearer ".length());
    }

    /** Single attempt, the caller polls. */
    public HealthReport health() {
        return Calls.invoke(api::health);
    }

    /** Single attempt, the caller polls. */
    public HealthReport ready() {
        return Calls.invoke(api::ready);
    }

    public List<Adapter> adapters() {
        return client.read(api::adapters);
    }

    public List<MetadataStore> metadataStores() {
        return client.read(api::metadataStores);
    }

    public void deleteMetadataStore(String name) {
        client.run(b -> api.deleteMetadataStore(b, name));
    }

    public List<BlockStore> blockStores(BlockStoreKind kind) {
        return client.read(b -> api.blockStores(b, kind.path()));
    }

    public void deleteBlockStore(BlockStoreKind kind, String name) {
        client.run(b -> api.deleteBlockStore(b, kind.path(), name));
    }

    /** A share by its name, with or without the leading slash. */
    public Optional<Share> findShare(String name) {
        return client.find(b -> api.share(b, DfsClient.key(name)));
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
