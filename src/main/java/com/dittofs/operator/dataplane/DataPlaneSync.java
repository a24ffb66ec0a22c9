package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.Adapter;
import com.dittofs.operator.dfsclient.AdapterUpdate;
import com.dittofs.operator.dfsclient.BlockStore;
import com.dittofs.operator.dfsclient.BlockStoreKind;
import com.dittofs.operator.dfsclient.DataPlaneApi;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.NfsAdapterSettings;
import com.dittofs.operator.dfsclient.Share;
import com.dittofs.operator.dfsclient.ShareCreate;
import com.dittofs.operator.dfsclient.ShareUpdate;
import com.dittofs.operator.dfsclient.SnapshotApi;
import com.dittofs.operator.dfsclient.StoreRequest;

/**
 * Brings a dfs server to the desired data plane through its REST API: reads first, writes only what differs.
 * Owns the adapters and the three dittofs-* stores; keeps the declared shares as declared and deletes those declared
 * {@code ensure: absent}. Nothing is deleted because it is missing from the spec: shares created by hand, and shares
 * that leave the spec, are left alone. Stores are never deleted: they hold data.
 */
public final class DataPlaneSync {

    private final DataPlaneApi dfs;
    private final List<String> changes = new ArrayList<>();
    private final AccessApi access;
    private final ManagedAccess managedAccess;
    private final PasswordLedger ledger;
    private final String server;
    private SnapshotApi snapshots;
    private Ownership policiesBefore = Ownership.none();
    private OwnershipRecord shareRecord;
    private Set<String> presentShares = Set.of();
    private AccessSync accessSync;

    private DataPlaneSync(DataPlaneApi dfs, AccessApi access, ManagedAccess managedAccess, PasswordLedger ledger,
            String server) {
        this.access = access;
        this.dfs = dfs;
        this.managedAccess = managedAccess;
        this.ledger = ledger;
        this.server = server;
    }

    /**
     * @param access the user, group and grant calls; null for a dfs without them, whose access is left alone
     * @param snapshots the snapshot-policy calls; null for a dfs without them, whose policies are left alone
     * @param shares what the operator recorded of the shares before this pass (from the status)
     * @param managedAccess what it recorded of the users and groups
     * @param policies what it recorded of the snapshot policies
     * @param ledger the passwords last set or verified, so that a pass logs in as a user only after a change
     * @param server the server's identity in the ledger
     */
    public static DataPlaneReport converge(DataPlaneApi dfs, AccessApi access, SnapshotApi snapshots,
            DesiredDataPlane desired, Ownership shares, ManagedAccess managedAccess, Ownership policies,
            PasswordLedger ledger, String server) {
        DataPlaneSync sync = new DataPlaneSync(dfs, access, managedAccess, ledger, server);
        sync.snapshots = snapshots;
        sync.policiesBefore = policies;
        return sync.run(desired, shares);
    }

    private DataPlaneReport run(DesiredDataPlane desired, Ownership shares) {
        shareRecord = new OwnershipRecord(shares);
        presentShares = desired.shares().stream().filter(s -> !s.absent()).map(DesiredDataPlane.DesiredShare::name)
                .collect(Collectors.toSet());
        try {
            // a separate step, so a rejected password is told apart from a 401 on a later call
            dfs.logIn();
        } catch (DfsApiException e) {
            return stopped(desired, SyncFailure.of(e, true));
        }
        try {
            desired.adapters().forEach(this::adapter);
            String metadataId = metadataStore(desired.metadataStore());
            String localId = blockStore(BlockStoreKind.LOCAL, desired.localStore());
            Optional<String> remoteId = desired.remoteStore().map(s -> blockStore(BlockStoreKind.REMOTE, s));
            List<DataPlaneReport.ShareState> states = shares(desired, metadataId, localId, remoteId);
            String problem = states.stream().filter(s -> !s.ready()).map(DataPlaneReport.ShareState::message)
                    .findFirst().orElse(null);
            Set<String> served = new HashSet<>();
            states.stream().filter(DataPlaneReport.ShareState::ready).forEach(s -> served.add(s.name()));
            AccessReport accessReport = AccessReport.untouched(managedAccess);
            if (access != null) {
                accessSync = new AccessSync(access, changes, ledger, server, managedAccess);
                accessReport = accessSync.run(desired.access(), served);
            }
            List<SnapshotPolicySync.DesiredPolicy> declaredPolicies = desired.shares().stream()
                    .map(DesiredDataPlane.DesiredShare::snapshotPolicy).filter(Objects::nonNull).toList();
            // no call while no policy is declared or recorded: servers without policies see no new request
            SnapshotPolicySync.Result policies = snapshots == null
                    || (declaredPolicies.isEmpty() && policiesBefore.isEmpty()) ? null
                    : SnapshotPolicySync.converge(snapshots, declaredPolicies, policiesBefore, served, changes);
            return new DataPlaneReport(states, shareRecord.result(presentShares), changes, problem, null,
                    accessReport, shareRecord.undeclared(presentShares), policies);
        } catch (DfsApiException e) {
            return stopped(desired, SyncFailure.of(e, false));
        } catch (Unconverged e) {
            return stopped(desired, SyncFailure.conflict(e.getMessage()));
        }
    }

    /**
     * Creates and updates the declared shares, deletes those declared absent; a declared share dfs already had is
     * adopted (said once). The record follows each call, so a pass that fails later still reports what it created.
     */
    private List<DataPlaneReport.ShareState> shares(DesiredDataPlane desired, String metadataId, String localId,
            Optional<String> remoteId) {
        List<DataPlaneReport.ShareState> states = new ArrayList<>();
        Map<String, Share> existing = new HashMap<>();
        dfs.shares().forEach(s -> existing.put(s.name(), s));
        shareRecord.seen(existing.keySet(), List.of());
        for (DesiredDataPlane.DesiredShare share : desired.shares()) {
            Share have = existing.get(share.name());
            if (share.absent()) {
                if (have != null) {
                    dfs.deleteShare(share.name());
                    changes.add("Deleted share " + share.name() + " (ensure: absent)");
                }
                shareRecord.deleted(share.name());
                continue;
            }
            if (have != null && shareRecord.found(share.name())) {
                changes.add(AccessSync.adopted("share", share.name(), "spec.shares"));
            }
            states.add(share(share, have, metadataId, localId, remoteId));
        }
        return states;
    }

    private DataPlaneReport stopped(DesiredDataPlane desired, SyncFailure failure) {
        List<DataPlaneReport.ShareState> unknown = desired.shares().stream().filter(s -> !s.absent())
                .map(s -> new DataPlaneReport.ShareState(s.name(), false, "not reconciled: " + failure.message()))
                .toList();
        AccessReport accessReport = accessSync != null ? accessSync.partial() : AccessReport.untouched(managedAccess);
        return new DataPlaneReport(unknown, shareRecord.result(presentShares), changes, failure.message(), failure,
                accessReport, List.of());
    }

    /** The server is in a state the operator does not fix by itself. */
    static final class Unconverged extends RuntimeException {
        Unconverged(String message) {
            super(message);
        }
    }

    private void adapter(DesiredDataPlane.AdapterState want) {
        Adapter have = dfs.findAdapter(want.type()).orElse(null);
        if (have == null) {
            throw new Unconverged("dfs has no " + want.type() + " adapter");
        }
        boolean settingsChanged = want.settings() != null && settings(want.settings());
        boolean portWrong = want.enabled() && have.port() != want.port();
        if (have.enabled() != want.enabled() || portWrong) {
            // enabling, or a port change, (re)starts the adapter: it reads the settings just written
            dfs.updateAdapter(want.type(), new AdapterUpdate(want.enabled(), want.enabled() ? want.port() : null,
                    null));
            changes.add((want.enabled() ? "Enabled " : "Disabled ") + want.type() + " adapter"
                    + (want.enabled() ? " on port " + want.port() : ""));
        } else if (settingsChanged && want.enabled()) {
            // dfs applies portmapper and UDP settings only when the adapter starts
            dfs.updateAdapter(want.type(), new AdapterUpdate(false, null, null));
            dfs.updateAdapter(want.type(), new AdapterUpdate(true, null, null));
            changes.add("Restarted " + want.type() + " adapter to apply its settings");
        }
    }

    /** Writes the settings that differ; true when it wrote. */
    private boolean settings(NfsAdapterSettings want) {
        NfsAdapterSettings have = dfs.nfsSettings();
        if (Objects.equals(have.portmapperEnabled(), want.portmapperEnabled())
                && Objects.equals(have.portmapperPort(), want.portmapperPort())
                && Objects.equals(have.udpEnabled(), want.udpEnabled())) {
            return false;
        }
        dfs.patchNfsSettings(want);
        changes.add("Set nfs adapter settings: portmapper " + (want.portmapperEnabled() ? "on" : "off") + ", UDP "
                + (want.udpEnabled() ? "on" : "off"));
        return true;
    }

    private String metadataStore(DesiredDataPlane.Store want) {
        return dfs.findMetadataStore(want.name())
                .map(store -> store.id())
                .orElseGet(() -> {
                    String id = dfs.createMetadataStore(StoreRequest.create(want.name(), want.type(), want.config()))
                            .id();
                    changes.add("Created metadata store " + want.name());
                    return id;
                });
    }

    private String blockStore(BlockStoreKind kind, DesiredDataPlane.Store want) {
        Optional<BlockStore> have = dfs.findBlockStore(kind, want.name());
        if (have.isEmpty()) {
            String id = dfs.createBlockStore(kind, StoreRequest.create(want.name(), want.type(), want.config())).id();
            changes.add("Created " + kind.path() + " block store " + want.name());
            return id;
        }
        if (drifted(have.get().config(), want.config())) {
            dfs.updateBlockStore(kind, want.name(), StoreRequest.update(want.type(), want.config()));
            changes.add("Updated " + kind.path() + " block store " + want.name());
        }
        return have.get().id();
    }

    /** Compares what dfs shows: secret values come back masked, so only a changed access key id counts. */
    static boolean drifted(Map<String, Object> have, Map<String, Object> want) {
        Map<String, Object> actual = have == null ? Map.of() : have;
        for (Map.Entry<String, Object> e : want.entrySet()) {
            if ("secret_access_key".equals(e.getKey())) {
                continue;
            }
            if (!Objects.equals(String.valueOf(actual.get(e.getKey())), String.valueOf(e.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private DataPlaneReport.ShareState share(DesiredDataPlane.DesiredShare want, Share have, String metadataId,
            String localId, Optional<String> remoteId) {
        if (want.remote() && remoteId.isEmpty()) {
            return new DataPlaneReport.ShareState(want.name(), false, "share " + want.name()
                    + " wants the S3 store, which is not configured");
        }
        String remote = want.remote() ? remoteId.get() : null;
        if (have == null) {
            dfs.createShare(new ShareCreate(want.name(), DesiredDataPlane.METADATA_STORE, DesiredDataPlane.LOCAL_STORE,
                    want.remote() ? DesiredDataPlane.REMOTE_STORE : null, want.readOnly(), want.defaultPermission(),
                    null));
            shareRecord.created(want.name());
            changes.add("Created share " + want.name());
            return new DataPlaneReport.ShareState(want.name(), true, "created");
        }
        boolean remoteWrong = !Objects.equals(have.remoteBlockStoreId(), remote);
        if (have.readOnly() != want.readOnly() || !want.defaultPermission().equals(have.defaultPermission())
                || remoteWrong || !localId.equals(have.localBlockStoreId())) {
            dfs.updateShare(want.name(), new ShareUpdate(localId.equals(have.localBlockStoreId()) ? null : localId,
                    remoteWrong ? (remote == null ? "" : remote) : null, want.readOnly(), want.defaultPermission(),
                    null));
            changes.add("Updated share " + want.name());
        }
        if (!metadataId.equals(have.metadataStoreId())) {
            return new DataPlaneReport.ShareState(want.name(), false, "share " + want.name()
                    + " exists on another metadata store; the operator does not move it");
        }
        return new DataPlaneReport.ShareState(want.name(), true, "serving");
    }
}
