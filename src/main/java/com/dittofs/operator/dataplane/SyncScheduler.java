package com.dittofs.operator.dataplane;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs data-plane syncs off the reconcile threads: at most one sync in flight per server, the reconcile reading the
 * latest result, and a finished sync announcing itself (so its server is reconciled again to publish it).
 *
 * <p>
 * Two bulkheads keep a hung dfs from delaying healthy ones: a server whose latest sync could not reach dfs or timed
 * out is synced on the small suspect lane; every other server on the main lane. A hung server thus holds a main-lane
 * thread once, for at most one read timeout, and from then on only the suspect lane.
 *
 * @param <K> server key
 * @param <R> sync result
 */
public final class SyncScheduler<K, R> {

    /**
     * What a reconcile learns.
     *
     * @param fresh a result the reconcile has not seen yet, for exactly what it asked: publish it (once)
     * @param latest the latest finished result, possibly for an older request, while the next one runs
     */
    public record Poll<R>(Optional<R> fresh, Optional<R> latest) {
    }

    private static final class Slot<R> {
        boolean inFlight;
        Object request;
        R latest;
        boolean published;
        boolean suspect;
        /** A reconcile came while a sync ran: what triggered it may postdate that sync, so sync once more. */
        boolean again;
    }

    private final Executor mainLane;
    private final Executor suspectLane;
    private final Predicate<R> suspect;
    private final Function<RuntimeException, R> onError;
    private final Consumer<K> onFinished;
    private final Map<K, Slot<R>> slots = new ConcurrentHashMap<>();

    /**
     * @param suspect which results send the server's next sync to the suspect lane
     * @param onError the result of a sync that threw (a bug, not a dfs failure)
     * @param onFinished called with the key after each sync, off the caller's thread
     */
    public SyncScheduler(Executor mainLane, Executor suspectLane, Predicate<R> suspect,
            Function<RuntimeException, R> onError, Consumer<K> onFinished) {
        this.mainLane = mainLane;
        this.suspectLane = suspectLane;
        this.suspect = suspect;
        this.onError = onError;
        this.onFinished = onFinished;
    }

    /**
     * Called by each reconcile. Publishes a finished, unpublished result for this very request; otherwise starts a
     * sync unless one is running. A reconcile during a sync earns one more sync right after it (its trigger, say a
     * user's edit, may have come after the running sync read dfs).
     *
     * @param request everything the sync depends on (compared with equals)
     */
    public Poll<R> poll(K key, Object request, Supplier<R> sync) {
        Slot<R> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        synchronized (slot) {
            Optional<R> latest = Optional.ofNullable(slot.latest);
            if (slot.inFlight) {
                slot.again = true;
                return new Poll<>(Optional.empty(), latest);
            }
            if (slot.latest != null && !slot.published && slot.request.equals(request)) {
                slot.published = true;
                if (slot.again) {
                    start(key, slot, request, sync);
                }
                return new Poll<>(latest, latest);
            }
            start(key, slot, request, sync);
            return new Poll<>(Optional.empty(), latest);
        }
    }

    /**
     * Like {@link #poll} but never starts a sync (the server waits for its next attempt): publishes a finished,
     * unpublished result for this very request, else reports the latest.
     */
    public Poll<R> peek(K key, Object request) {
        Slot<R> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        synchronized (slot) {
            Optional<R> latest = Optional.ofNullable(slot.latest);
            if (!slot.inFlight && slot.latest != null && !slot.published && slot.request.equals(request)) {
                slot.published = true;
                return new Poll<>(latest, latest);
            }
            return new Poll<>(Optional.empty(), latest);
        }
    }

    /** Called holding the slot's lock. */
    private void start(K key, Slot<R> slot, Object request, Supplier<R> sync) {
        slot.again = false;
        slot.inFlight = true;
        try {
            (slot.suspect ? suspectLane : mainLane).execute(() -> run(key, slot, request, sync));
        } catch (RejectedExecutionException e) {
            slot.inFlight = false; // shutting down
        }
    }

    /** Forgets a server (deleted); a sync still running for it ends unannounced. */
    public void forget(K key) {
        slots.remove(key);
    }

    private void run(K key, Slot<R> slot, Object request, Supplier<R> sync) {
        R result;
        try {
            result = sync.get();
        } catch (RuntimeException e) {
            result = onError.apply(e);
        }
        synchronized (slot) {
            slot.inFlight = false;
            slot.request = request;
            slot.latest = result;
            slot.published = false;
            slot.suspect = suspect.test(result);
        }
        if (slots.get(key) == slot) {
            onFinished.accept(key);
        }
    }
}
