package com.dittofs.operator.dfsclient;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Hands out authenticated {@link DfsClient}s, one per dfs base URL, and keeps them (and their tokens) between
 * reconciles. The base URL differs per DittoServer, hence programmatic REST clients instead of configured ones.
 */
@ApplicationScoped
public class DfsClientFactory implements AutoCloseable {

    /** The bootstrap account dfs creates on first start; its password comes from the operator's Secret. */
    public static final String ADMIN = "admin";

    /**
     * @param connectTimeout TCP connect timeout (retried: the request never left)
     * @param readTimeout response timeout, never retried. Short on purpose: every call dfs serves for the operator
     *                    is a small read or write (a restore, which is not, has a client of its own: {@link #restoreApi}), and a hung dfs must not hold a data-plane sync for long (dfs
     *                    itself gives up on a request only after 30 s). A write that timed out is looked up again by
     *                    the next pass, which reads before it writes.
     * @param retry policy for transient failures
     * @param clock source of time for token expiry
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, Clock clock) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(10), RetryPolicy.defaults(),
                    Clock.systemUTC());
        }
    }

    private record Entry(DfsClient client, DfsTls tls, List<Closeable> resources) {
    }

    private final Settings settings;
    private final Map<URI, Entry> clients = new ConcurrentHashMap<>();

    public DfsClientFactory() {
        this(Settings.defaults());
    }

    public DfsClientFactory(Settings settings) {
        this.settings = settings;
    }

    /**
     * The cached admin client of this server over HTTPS, verifying it with {@code tls} (null: plain HTTP); a new one
     * when there is none or the password or the CA changed.
     */
    public DfsClient client(URI baseUri, String adminPassword, DfsTls tls) {
        Entry entry = clients.compute(baseUri, (uri, existing) -> {
            if (existing != null && existing.client().session().matches(ADMIN, adminPassword)
                    && java.util.Objects.equals(existing.tls(), tls)) {
                return existing;
            }
            if (existing != null) {
                closeQuietly(existing);
            }
            return build(uri, ADMIN, adminPassword, tls);
        });
        return entry.client();
    }

    /**
     * dfs's snapshot.restore_http_timeout is 30 minutes by default (the operator does not change it): a restore's
     * answer is awaited a minute longer, so that dfs, not the operator, ends a restore that takes too long.
     */
    public static final Duration RESTORE_READ_TIMEOUT = Duration.ofMinutes(31);

    /**
     * The calls of one restore on the server's admin session, over a client of their own whose read timeout is
     * {@link #RESTORE_READ_TIMEOUT} (a synchronous restore must not be cut by the short timeout of the other calls);
     * close it when the restore is over.
     */
    public RestoreApi restoreApi(DfsEndpoint endpoint) {
        DfsClient client = client(endpoint.uri(), endpoint.adminPassword(), endpoint.tls());
        DfsTlsConfiguration tls = endpoint.tls() == null ? null
                : new DfsTlsConfiguration(endpoint.tls(), endpoint.uri());
        return new RestoreCalls(client, api(endpoint.uri(), tls, DfsRestoreApi.class, RESTORE_READ_TIMEOUT));
    }

    /** Drops the client of a server (e.g. its DittoServer was deleted). */
    public void evict(URI baseUri) {
        Entry entry = clients.remove(baseUri);
        if (entry != null) {
            closeQuietly(entry);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        clients.keySet().forEach(this::evict);
    }

    private Entry build(URI baseUri, String username, String password, DfsTls tls) {
        DfsTlsConfiguration tlsConfiguration = tls == null ? null : new DfsTlsConfiguration(tls, baseUri);
        DfsAuthApi auth = api(baseUri, tlsConfiguration, DfsAuthApi.class);
        DfsAdaptersApi adapters = api(baseUri, tlsConfiguration, DfsAdaptersApi.class);
        DfsStoresApi stores = api(baseUri, tlsConfiguration, DfsStoresApi.class);
        DfsSharesApi shares = api(baseUri, tlsConfiguration, DfsSharesApi.class);
        DfsUsersApi users = api(baseUri, tlsConfiguration, DfsUsersApi.class);
        DfsSnapshotsApi snapshots = api(baseUri, tlsConfiguration, DfsSnapshotsApi.class);
        DfsIdentityProvidersApi identity = api(baseUri, tlsConfiguration, DfsIdentityProvidersApi.class);
        DfsShareSnapshotsApi shareSnapshots = api(baseUri, tlsConfiguration, DfsShareSnapshotsApi.class);
        DfsSession session = new DfsSession(baseUri, auth, username, password, settings.retry(), settings.clock());
        return new Entry(new DfsClient(auth, adapters, stores, shares, session, settings.retry(), users,
                snapshots, identity).withShareSnapshots(shareSnapshots), tls,
                List.of(auth, adapters, stores, shares, users, snapshots, identity, shareSnapshots));
    }

    private <T> T api(URI baseUri, DfsTlsConfiguration tls, Class<T> type) {
        return api(baseUri, tls, type, settings.readTimeout());
    }

    private <T> T api(URI baseUri, DfsTlsConfiguration tls, Class<T> type, Duration readTimeout) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder();
        if (tls != null) {
            builder.tlsConfiguration(tls);
        }
        return builder
                .baseUri(baseUri)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .register(new ProblemMapper())
                .build(type);
    }

    private static void closeQuietly(Entry entry) {
        for (Closeable resource : entry.resources()) {
            try {
                resource.close();
            } catch (IOException | RuntimeException e) {
                // closing a connection pool cannot fail in a way the caller could act on
            }
        }
    }
}
