package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.dfsclient.Adapter;
import com.dittofs.operator.dfsclient.AdapterUpdate;
import com.dittofs.operator.dfsclient.BlockStore;
import com.dittofs.operator.dfsclient.BlockStoreKind;
import com.dittofs.operator.dfsclient.DataPlaneApi;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.MetadataStore;
import com.dittofs.operator.dfsclient.NfsAdapterSettings;
import com.dittofs.operator.dfsclient.Share;
import com.dittofs.operator.dfsclient.ShareCreate;
import com.dittofs.operator.dfsclient.ShareUpdate;
import com.dittofs.operator.dfsclient.StoreRequest;

/**
 * An in-memory dfs behind the data-plane seam: starts as dfs does (NFS and SMB adapters, no stores, no shares),
 * records every write, and fails the login or every call on demand.
 */
final class FakeDfs implements DataPlaneApi {

    final Map<String, Adapter> adapters = new LinkedHashMap<>();
    final Map<String, MetadataStore> metadataStores = new LinkedHashMap<>();
    final Map<String, BlockStore> blockStores = new LinkedHashMap<>();
    final Map<String, Share> shares = new LinkedHashMap<>();
    /** One line per write, e.g. "createShare /export". */
    final List<String> writes = new ArrayList<>();
    /** dfs's defaults; the adapter runs with what it read at its last start. */
    NfsAdapterSettings nfsSettings = new NfsAdapterSettings(false, 10111, false);
    NfsAdapterSettings runningNfsSettings = nfsSettings;
    DfsApiException loginFailure;
    DfsApiException callFailure;
    private int ids;

    FakeDfs() {
        adapters.put("nfs", new Adapter("a1", "nfs", true, true, 12049, Map.of(), null));
        adapters.put("smb", new Adapter("a2", "smb", false, false, 1445, Map.of(), null));
    }

    /** A share made by hand (with dfsctl), on the given stores. */
    Share handMade(String name, String metadataId, String localId) {
        Share share = share(name, metadataId, localId, null, false, "read-write");
        shares.put(name, share);
        return share;
    }

    private static Share share(String name, String metadataId, String localId, String remoteId, boolean readOnly,
            String permission) {
        return new Share("s-" + name, name, metadataId, localId, remoteId, readOnly, true, permission, null, 0, 0,
                null, List.of());
    }

    private void call() {
        if (callFailure != null) {
            throw callFailure;
        }
    }

    @Override
    public void logIn() {
        if (loginFailure != null) {
            throw loginFailure;
        }
    }

    @Override
    public Optional<Adapter> findAdapter(String type) {
        call();
        return Optional.ofNullable(adapters.get(type));
    }

    @Override
    public Adapter updateAdapter(String type, AdapterUpdate update) {
        call();
        Adapter a = adapters.get(type);
        Adapter updated = new Adapter(a.id(), type, update.enabled(), update.enabled(),
                update.port() == null ? a.port() : update.port(), a.config(), null);
        adapters.put(type, updated);
        writes.add("updateAdapter " + type);
        if ("nfs".equals(type) && updated.enabled()) {
            runningNfsSettings = nfsSettings;
        }
        return updated;
    }

    @Override
    public NfsAdapterSettings nfsSettings() {
        call();
        return nfsSettings;
    }

    @Override
    public NfsAdapterSettings patchNfsSettings(NfsAdapterSettings patch) {
        call();
        nfsSettings = new NfsAdapterSettings(
                patch.portmapperEnabled() != null ? patch.portmapperEnabled() : nfsSettings.portmapperEnabled(),
                patch.portmapperPort() != null ? patch.portmapperPort() : nfsSettings.portmapperPort(),
                patch.udpEnabled() != null ? patch.udpEnabled() : nfsSettings.udpEnabled());
        writes.add("patchNfsSettings");
        return nfsSettings;
    }

    @Override
    public Optional<MetadataStore> findMetadataStore(String name) {
        call();
        return Optional.ofNullable(metadataStores.get(name));
    }

    @Override
    public MetadataStore createMetadataStore(StoreRequest request) {
        call();
        MetadataStore store = new MetadataStore("m" + (++ids), request.name(), request.type(), request.config(),
                null);
        metadataStores.put(request.name(), store);
        writes.add("createMetadataStore " + request.name());
        return store;
    }

    private static String key(BlockStoreKind kind, String name) {
        return kind.path() + "/" + name;
    }

    @Override
    public Optional<BlockStore> findBlockStore(BlockStoreKind kind, String name) {
        call();
        return Optional.ofNullable(blockStores.get(key(kind, name)));
    }

    @Override
    public BlockStore createBlockStore(BlockStoreKind kind, StoreRequest request) {
        call();
        BlockStore store = new BlockStore("b" + (++ids), request.name(), kind.path(), request.type(),
                new HashMap<>(request.config()), null);
        blockStores.put(key(kind, request.name()), store);
        writes.add("createBlockStore " + request.name());
        return store;
    }

    @Override
    public BlockStore updateBlockStore(BlockStoreKind kind, String name, StoreRequest update) {
        call();
        BlockStore have = blockStores.get(key(kind, name));
        BlockStore store = new BlockStore(have.id(), name, kind.path(), update.type(),
                new HashMap<>(update.config()), null);
        blockStores.put(key(kind, name), store);
        writes.add("updateBlockStore " + name);
        return store;
    }

    @Override
    public List<Share> shares() {
        call();
        return List.copyOf(shares.values());
    }

    @Override
    public Share createShare(ShareCreate request) {
        call();
        String remote = request.remoteBlockStore() == null ? null
                : blockStores.get(key(BlockStoreKind.REMOTE, request.remoteBlockStore())).id();
        Share share = share(request.name(), metadataStores.get(request.metadataStore()).id(),
                blockStores.get(key(BlockStoreKind.LOCAL, request.localBlockStore())).id(), remote,
                Boolean.TRUE.equals(request.readOnly()), request.defaultPermission());
        shares.put(request.name(), share);
        writes.add("createShare " + request.name());
        return share;
    }

    @Override
    public Share updateShare(String name, ShareUpdate update) {
        call();
        Share have = shares.get(name);
        String remote = update.remoteBlockStoreId() == null ? have.remoteBlockStoreId()
                : update.remoteBlockStoreId().isEmpty() ? null : update.remoteBlockStoreId();
        Share share = share(name, have.metadataStoreId(),
                update.localBlockStoreId() == null ? have.localBlockStoreId() : update.localBlockStoreId(), remote,
                update.readOnly() == null ? have.readOnly() : update.readOnly(),
                update.defaultPermission() == null ? have.defaultPermission() : update.defaultPermission());
        shares.put(name, share);
        writes.add("updateShare " + name);
        return share;
    }

    @Override
    public void deleteShare(String name) {
        call();
        shares.remove(name);
        writes.add("deleteShare " + name);
    }
}
