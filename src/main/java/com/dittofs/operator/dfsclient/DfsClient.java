package com.dittofs.operator.dfsclient;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Typed, authenticated access to one dfs server. Every call fails with {@link DfsApiException}; reads, updates and
 * deletes are retried on transient failures, creates only when the request never reached dfs. {@code find*}
 * methods return empty on a resource-level 404. Only what the operator calls is here; tests reach further through
 * the same REST interfaces and call helpers (package-private for that reason).
 */
public final class DfsClient implements DataPlaneApi, AccessApi, IdentityProviderApi {

    final DfsAuthApi auth;
    final DfsAdaptersApi adapters;
    final DfsStoresApi stores;
    final DfsSharesApi shares;
    private final DfsSession session;
    private final RetryPolicy retry;
    private final DfsUsersApi users;
    private final SnapshotApi snapshotCalls;
    private final DfsIdentityProvidersApi identity;
    private ShareSnapshotApi shareSnapshots;

    DfsClient(DfsAuthApi auth, DfsAdaptersApi adapters, DfsStoresApi stores, DfsSharesApi shares,
            DfsSession session, RetryPolicy retry, DfsUsersApi users, DfsSnapshotsApi snapshots,
            DfsIdentityProvidersApi identity) {
        this.users = users;
        this.snapshotCalls = new SnapshotCalls(this, snapshots);
        this.identity = identity;
        this.auth = auth;
        this.adapters = adapters;
        this.stores = stores;
        this.shares = shares;
        this.session = session;
        this.retry = retry;
    }

    DfsSession session() {
        return session;
    }

    @Override
    public void logIn() {
        session.bearer();
    }

    // --- adapters ---

    @Override
    public Optional<Adapter> findAdapter(String type) {
        return find(b -> adapters.get(b, type));
    }

    @Override
    public Adapter updateAdapter(String type, AdapterUpdate update) {
        return read(b -> adapters.update(b, type, update));
    }

    @Override
    public NfsAdapterSettings nfsSettings() {
        return read(b -> adapters.nfsSettings(b));
    }

    @Override
    public NfsAdapterSettings patchNfsSettings(NfsAdapterSettings patch) {
        return read(b -> adapters.patchNfsSettings(b, patch));
    }

    // --- metadata stores ---

    @Override
    public Optional<MetadataStore> findMetadataStore(String name) {
        return find(b -> stores.getMetadata(b, name));
    }

    /** Look the store up first: a duplicate create answers 409, or 400 for badger on the same path. */
    @Override
    public MetadataStore createMetadataStore(StoreRequest request) {
        return create(b -> stores.createMetadata(b, request));
    }

    // --- block stores ---

    @Override
    public Optional<BlockStore> findBlockStore(BlockStoreKind kind, String name) {
        return find(b -> stores.getBlock(b, kind.path(), name));
    }

    @Override
    public BlockStore createBlockStore(BlockStoreKind kind, StoreRequest request) {
        return create(b -> stores.createBlock(b, kind.path(), request));
    }

    @Override
    public BlockStore updateBlockStore(BlockStoreKind kind, String name, StoreRequest update) {
        return read(b -> stores.updateBlock(b, kind.path(), name, update));
    }

    // --- shares (names with or without the leading slash) ---

    @Override
    public List<Share> shares() {
        return read(b -> shares.list(b));
    }

    @Override
    public Share createShare(ShareCreate request) {
        return create(b -> shares.create(b, request));
    }

    @Override
    public Share updateShare(String name, ShareUpdate update) {
        return read(b -> shares.update(b, key(name), update));
    }

    @Override
    public void deleteShare(String name) {
        run(b -> shares.delete(b, key(name)));
    }

    public NfsExportConfig nfsExportConfig(String share) {
        return read(b -> shares.getNfsConfig(b, key(share)));
    }

    public NfsExportConfig patchNfsExportConfig(String share, NfsExportConfig patch) {
        return read(b -> shares.patchNfsConfig(b, key(share), patch));
    }

    public List<SharePermission> permissions(String share) {
        List<SharePermission> grants = read(b -> shares.permissions(b, key(share)));
        return grants == null ? List.of() : grants;
    }

    public void grantUser(String share, String user, String level) {
        run(b -> shares.grantUser(b, key(share), user, new PermissionGrant(level)));
    }

    public void revokeUser(String share, String user) {
        run(b -> shares.revokeUser(b, key(share), user));
    }

    public void grantGroup(String share, String group, String level) {
        run(b -> shares.grantGroup(b, key(share), group, new PermissionGrant(level)));
    }

    public void revokeGroup(String share, String group) {
        run(b -> shares.revokeGroup(b, key(share), group));
    }

    // --- users and groups ---

    public List<DfsUser> users() {
        List<DfsUser> all = read(b -> users.users(b));
        return all == null ? List.of() : all;
    }

    public DfsUser createUser(UserRequest request) {
        return create(b -> users.createUser(b, request));
    }

    public DfsUser updateUser(String user, UserRequest update) {
        return read(b -> users.updateUser(b, user, update));
    }

    public void deleteUser(String user) {
        run(b -> users.deleteUser(b, user));
    }

    public void resetPassword(String user, String password) {
        run(b -> users.resetPassword(b, user, new PasswordChange(null, password)));
    }

    /**
     * Logs in as the user: 200 when the password is right (then clears a pending forced change by setting the same
     * password again), else the login's error (401 wrong password, 403 disabled).
     */
    public DfsUser loginAs(String user, String password) {
        TokenResponse tokens = Calls.withRetry(retry, true, () -> auth.login(new LoginRequest(user, password)));
        if (tokens.user() != null && tokens.user().mustChangePassword()) {
            Calls.withRetry(retry, false, () -> users.changeOwnPassword("Bearer " + tokens.accessToken(),
                    new PasswordChange(password, password)));
        }
        return tokens.user();
    }

    public List<DfsGroup> groups() {
        List<DfsGroup> all = read(b -> users.groups(b));
        return all == null ? List.of() : all;
    }

    public DfsGroup createGroup(GroupRequest request) {
        return create(b -> users.createGroup(b, request));
    }

    public DfsGroup updateGroup(String group, GroupRequest update) {
        return read(b -> users.updateGroup(b, group, update));
    }

    public void deleteGroup(String group) {
        run(b -> users.deleteGroup(b, group));
    }

    /** The snapshot policies of this server's shares. */
    public SnapshotApi snapshotApi() {
        return snapshotCalls;
    }

    /** The snapshots of this server's shares. */
    public ShareSnapshotApi shareSnapshots() {
        return shareSnapshots;
    }

    DfsClient withShareSnapshots(DfsShareSnapshotsApi api) {
        this.shareSnapshots = new ShareSnapshotCalls(this, api);
        return this;
    }

    // --- identity providers ---

    @Override
    public Optional<LdapProviderConfig> ldapConfig() {
        return find(b -> identity.getLdap(b));
    }

    @Override
    public LdapProviderConfig putLdapConfig(LdapProviderConfig config) {
        return read(b -> identity.putLdap(b, config));
    }

    @Override
    public ProviderTestResult testLdap(LdapProviderConfig config) {
        return read(b -> identity.testLdap(b, config));
    }

    @Override
    public Optional<KerberosProviderConfig> kerberosConfig() {
        return find(b -> identity.getKerberos(b));
    }

    @Override
    public KerberosProviderConfig putKerberosConfig(KerberosProviderConfig config) {
        return read(b -> identity.putKerberos(b, config));
    }

    /** dfs addresses shares by their name without the leading slash (it re-adds it). */
    static String key(String share) {
        int i = 0;
        while (i < share.length() && share.charAt(i) == '/') {
            i++;
        }
        return share.substring(i);
    }

    <T> T read(Function<String, T> op) {
        return authenticated(true, op);
    }

    <T> T create(Function<String, T> op) {
        return authenticated(false, op);
    }

    void run(Consumer<String> op) {
        authenticated(true, b -> {
            op.accept(b);
            return null;
        });
    }

    <T> Optional<T> find(Function<String, T> op) {
        try {
            return Optional.of(read(op));
        } catch (DfsApiException e) {
            // a plain-text 404 is the router's "page not found": a wrong route, not a missing object
            if (e.notFound() && e.problem()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Login and refresh retry on their own, so only the call itself runs in this retry loop. */
    private <T> T authenticated(boolean idempotent, Function<String, T> op) {
        String bearer = session.bearer();
        try {
            return Calls.withRetry(retry, idempotent, () -> op.apply(bearer));
        } catch (DfsApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            // tokens die early when dfs restarts with another JWT secret: log in again, once
            session.invalidate(bearer);
            String fresh = session.bearer();
            return Calls.withRetry(retry, idempotent, () -> op.apply(fresh));
        }
    }
}
