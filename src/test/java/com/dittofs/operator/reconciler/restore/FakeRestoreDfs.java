package com.dittofs.operator.reconciler.restore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.RestoreApi;
import com.dittofs.operator.dfsclient.RestoreResult;
import com.dittofs.operator.dfsclient.Share;

/** An in-memory dfs for restores: shares with their store and enabled flag, and a log of the calls made. */
final class FakeRestoreDfs implements RestoreApi {

    final Map<String, Share> shares = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    DfsApiException restoreFailure;
    DfsApiException enableFailure;
    DfsApiException listFailure;
    boolean closed;

    FakeRestoreDfs share(String name, String metadataStore, String remoteStore, boolean enabled) {
        shares.put(name, new Share("id-" + name, name, metadataStore, "local", remoteStore, false, enabled,
                "read-write", null, 0, 0, null, List.of()));
        return this;
    }

    boolean enabled(String name) {
        return shares.get(name).enabled();
    }

    @Override
    public List<Share> shares() {
        calls.add("list");
        if (listFailure != null) {
            throw listFailure;
        }
        return List.copyOf(shares.values());
    }

    @Override
    public Share disableShare(String share) {
        calls.add("disable " + share);
        return set(share, false);
    }

    @Override
    public Share enableShare(String share) {
        calls.add("enable " + share);
        if (enableFailure != null) {
            throw enableFailure;
        }
        return set(share, true);
    }

    @Override
    public RestoreResult restore(String share, String snapshotId, boolean allowNonDurable) {
        calls.add("restore " + share + " " + snapshotId + (allowNonDurable ? " allow_non_durable" : ""));
        if (restoreFailure != null) {
            throw restoreFailure;
        }
        if (shares.get(share).enabled()) {
            throw com.dittofs.operator.dfsclient.DfsErrors.http(409, "share is enabled");
        }
        return new RestoreResult(snapshotId, "safety-1", share);
    }

    @Override
    public void close() {
        closed = true;
    }

    private Share set(String name, boolean enabled) {
        Share s = shares.get(name);
        Share changed = new Share(s.id(), s.name(), s.metadataStoreId(), s.localBlockStoreId(),
                s.remoteBlockStoreId(), s.readOnly(), enabled, s.defaultPermission(), s.quotaBytes(), s.usedBytes(),
                s.physicalBytes(), s.status(), s.warnings());
        shares.put(name, changed);
        return changed;
    }
}
