package com.dittofs.operator.dfsclient;

import java.util.List;
import java.util.Optional;

/**
 * The dfs calls that converge a server's data plane: the seam between the convergence logic and the REST client (unit
 * tests put an in-memory dfs behind it). Every call fails with {@link DfsApiException}; {@code find*} return empty
 * when dfs has no such object.
 */
public interface DataPlaneApi {

    /** Logs in as admin (or reuses the session), so that a rejected password is told apart from a later 401. */
    void logIn();

    Optional<Adapter> findAdapter(String type);

    Adapter updateAdapter(String type, AdapterUpdate update);

    NfsAdapterSettings nfsSettings();

    NfsAdapterSettings patchNfsSettings(NfsAdapterSettings patch);

    Optional<MetadataStore> findMetadataStore(String name);

    MetadataStore createMetadataStore(StoreRequest request);

    Optional<BlockStore> findBlockStore(BlockStoreKind kind, String name);

    BlockStore createBlockStore(BlockStoreKind kind, StoreRequest request);

    BlockStore updateBlockStore(BlockStoreKind kind, String name, StoreRequest update);

    List<Share> shares();

    Share createShare(ShareCreate request);

    Share updateShare(String name, ShareUpdate update);

    void deleteShare(String name);
}
