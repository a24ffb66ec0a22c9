package com.dittofs.operator.reconciler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.BiFunction;

import com.dittofs.operator.dataplane.SnapshotCensus;
import com.dittofs.operator.dataplane.SnapshotCensus.ShareSnapshots;
import com.dittofs.operator.dfsclient.DfsEndpoint;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.metrics.SnapshotMeters;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.jboss.logging.Logger;

/**
 * Takes the census of each running server's snapshots ({@link SnapshotCensus}) on its own cadence, off the reconcile
 * threads and apart from the data-plane sync (which runs every few minutes and costs dozens of calls): one list of
 * policies and one list per share, every half of the shortest enabled interval, between one and fifteen minutes
 * ({@link SnapshotCensus#cadence}). Each census sets the {@link SnapshotMeters}; a census whose newest snapshots
 * differ from the server's status asks for a reconcile to write them, at once for a share's first snapshot and
 * otherwise at most once per {@link Rechecks#DATA_PLANE_DRIFT_CHECK} (a reconcile starts a data-plane
 * sync, and a one-minute policy would otherwise cost one a minute).
 */
final class SnapshotWatch {

    private static final Logger LOG = Logger.getLogger(SnapshotWatch.class);

    private static final class Watched {
        volatile DfsEndpoint endpoint;
        volatile List<String> shares;
        volatile Object declared;
        /** Counts the reasons to look again at once (an edit, a sync that changed dfs). */
        final AtomicLong generation = new AtomicLong();
        /** The newest snapshot id per share that the server's status shows. */
        volatile Map<String, String> inStatus = Map.of();
        volatile SortedMap<String, ShareSnapshots> census;
        volatile Instant next = Instant.MIN;
        volatile Instant lastAsked = Instant.MIN;
        volatile boolean inFlight;
        /** The kind of the last failed census logged at WARN, until a census succeeds again. */
        volatile String failure;
    }

    private final Executor lane;
    private final BiFunction<DfsEndpoint, List<String>, SortedMap<String, ShareSnapshots>> takeCensus;
    private final SnapshotMeters meters;
    private final Consumer<ResourceID> reconcile;
    private final Clock clock;
    private final Map<ResourceID, Watched> watched = new ConcurrentHashMap<>();

    /** @param takeCensus the census of the declared shares of the server at an endpoint */
    SnapshotWatch(Executor lane, BiFunction<DfsEndpoint, List<String>, SortedMap<String, ShareSnapshots>> takeCensus,
            SnapshotMeters meters, Consumer<ResourceID> reconcile, Clock clock) {
        this.lane = lane;
        this.takeCensus = takeCensus;
        this.meters = meters;
        this.reconcile = reconcile;
        this.clock = clock;
    }

    /**
     * Called by each reconcile of a server whose dfs is reachable: what to reach and which shares are declared.
     * Starts the first census of a server at once, and the next one at once when the declared shares or policies
     * changed (so that a removed policy's series go now, not a cadence later).
     *
     * @param declared the declared shares with their policies, compared with equals
     */
    void track(ResourceID id, DfsEndpoint endpoint, List<String> shares, Object declared) {
        Watched w = watched.computeIfAbsent(id, k -> new Watched());
        w.endpoint = endpoint;
        w.shares = List.copyOf(shares);
        if (!declared.equals(w.declared)) {
            w.declared = declared;
            w.generation.incrementAndGet();
            w.next = Instant.MIN;
        }
        tick(id, w);
    }

    /**
     * A data-plane sync changed the server's dfs (a policy made, changed or removed; a share made): the next census
     * is taken at once. The census an edit starts runs beside the sync that carries the edit out, so it mostly finds
     * dfs as it was; without this, a new policy's series would wait for a cadence, up to fifteen minutes.
     */
    void changed(ResourceID id) {
        Optional.ofNullable(watched.get(id)).ifPresent(w -> {
            w.generation.incrementAndGet();
            w.next = Instant.MIN;
            tick(id, w);
        });
    }

    /** Called by each reconcile with the newest snapshot id per share of the status it computed. */
    void shown(ResourceID id, Map<String, String> inStatus) {
        Optional.ofNullable(watched.get(id)).ifPresent(w -> w.inStatus = Map.copyOf(inStatus));
    }

    /** The latest census of a server, if one was taken since the operator started. */
    Optional<SortedMap<String, ShareSnapshots>> census(ResourceID id) {
        return Optional.ofNullable(watched.get(id)).map(w -> w.census);
    }

    /** The server is gone or stopped: no more census, and its series go. */
    void forget(ResourceID id) {
        if (watched.remove(id) != null) {
            meters.remove(id.getNamespace().orElse(""), id.getName());
        }
    }

    /** Starts the census of every server that is due (called every few seconds by a timer). */
    void tick() {
        watched.forEach(this::tick);
    }

    private void tick(ResourceID id, Watched w) {
        synchronized (w) {
            if (w.inFlight || clock.instant().isBefore(w.next)) {
                return;
            }
            w.inFlight = true;
        }
        try {
            lane.execute(() -> take(id, w));
        } catch (RejectedExecutionException e) {
            w.inFlight = false; // shutting down
        }
    }

    private void take(ResourceID id, Watched w) {
        long generation = w.generation.get();
        try {
            SortedMap<String, ShareSnapshots> census = takeCensus.apply(w.endpoint, w.shares);
            if (watched.get(id) != w) {
                return; // forgotten meanwhile: publish nothing
            }
            meters.update(id.getNamespace().orElse(""), id.getName(), meterValues(census));
            w.census = census;
            // an edit or a change during this census is looked at again at once
            w.next = generation == w.generation.get() ? clock.instant().plus(SnapshotCensus.cadence(census.values()))
                    : Instant.MIN;
            askForReconcileIfNew(id, w, census);
            w.failure = null;
        } catch (RuntimeException e) {
            // the series keep their last values: a server that cannot be asked takes no snapshots either
            logFailure(id, w, e);
            w.next = clock.instant().plus(w.census == null ? SnapshotCensus.LEAST
                    : SnapshotCensus.cadence(w.census.values()));
        } finally {
            w.inFlight = false;
        }
    }

    /** At WARN once per kind of failure in a row (a census repeats every minute), then at DEBUG. */
    private static void logFailure(ResourceID id, Watched w, RuntimeException e) {
        String cause = ErrorMessages.shortCause(e);
        String kind = e.getClass().getName() + "/" + cause.split(":", 2)[0];
        if (kind.equals(w.failure)) {
            LOG.debugf("Snapshot census of DittoServer %s failed again: %s", id, cause);
        } else {
            w.failure = kind;
            LOG.warnf("Snapshot census of DittoServer %s failed (its snapshot metrics keep their last values): %s",
                    id, cause);
        }
    }

    private void askForReconcileIfNew(ResourceID id, Watched w, SortedMap<String, ShareSnapshots> census) {
        Map<String, String> found = newest(census);
        found.keySet().retainAll(w.shares); // the status lists the declared shares only
        if (found.equals(w.inStatus)) {
            return;
        }
        boolean first = found.keySet().stream().anyMatch(share -> !w.inStatus.containsKey(share));
        Instant now = clock.instant();
        if (first || !now.isBefore(w.lastAsked.plus(Rechecks.DATA_PLANE_DRIFT_CHECK))) {
            w.lastAsked = now;
            reconcile.accept(id);
        }
    }

    static List<SnapshotMeters.Share> meterValues(SortedMap<String, ShareSnapshots> census) {
        return census.values().stream().map(s -> new SnapshotMeters.Share(s.share(),
                s.latest().map(Snapshot::createdAt), s.policy().map(SnapshotCensus.Policy::interval),
                s.policy().map(SnapshotCensus.Policy::createdAt))).toList();
    }

    /** The newest snapshot's id per share that has one. */
    static Map<String, String> newest(SortedMap<String, ShareSnapshots> census) {
        Map<String, String> ids = new TreeMap<>();
        census.forEach((share, s) -> s.latest().map(Snapshot::id).ifPresent(i -> ids.put(share, i)));
        return ids;
    }

    /** How often the timer looks for due servers: well under the shortest cadence. */
    static final Duration TICK = Duration.ofSeconds(10);
}
