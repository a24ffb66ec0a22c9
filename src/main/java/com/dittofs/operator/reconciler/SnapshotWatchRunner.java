package com.dittofs.operator.reconciler;

import java.time.Clock;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.dataplane.DesiredDataPlane.DesiredShare;
import com.dittofs.operator.dataplane.SnapshotCensus;
import com.dittofs.operator.dataplane.SnapshotCensus.ShareSnapshots;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsEndpoint;
import com.dittofs.operator.metrics.SnapshotMeters;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * Runs the operator's {@link SnapshotWatch}: the census lane (two threads of its own, so a hung dfs holds one for a
 * read timeout at most and never a sync or a reconcile), the timer that starts due censuses every
 * {@link SnapshotWatch#TICK}, and the admin clients a census lists with. The data-plane step tells it where each
 * running server's dfs is and when a sync changed it; the DittoServer reconcile shows what it found in
 * status.shares[].lastSnapshot.
 */
@ApplicationScoped
public class SnapshotWatchRunner {

    @Inject
    DfsClientFactory clients;

    @Inject
    SnapshotMeters meters;

    private final List<Consumer<ResourceID>> onNews = new CopyOnWriteArrayList<>();
    private ExecutorService lane;
    private ScheduledExecutorService timer;
    private SnapshotWatch watch;

    @PostConstruct
    void start() {
        lane = SyncLanes.lane("dfs-snapshot-census", 2);
        watch = new SnapshotWatch(lane, this::census, meters, id -> onNews.forEach(listener -> listener.accept(id)),
                Clock.systemUTC());
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dfs-snapshot-timer");
            thread.setDaemon(true);
            return thread;
        });
        long tick = SnapshotWatch.TICK.toSeconds();
        timer.scheduleWithFixedDelay(watch::tick, tick, tick, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        lane.shutdownNow();
    }

    /** Called with a server whose census found a snapshot its status does not show yet: reconcile it. */
    void onNews(Consumer<ResourceID> listener) {
        onNews.add(listener);
    }

    /**
     * Each data-plane pass that reaches the server's dfs: where it is, and the declared shares with their policies (a
     * change of them is looked at at once). A stopped server (replicas 0) is not looked at: no snapshots are due.
     */
    void track(DittoServer server, DfsEndpoint endpoint, List<DesiredShare> declared) {
        ResourceID id = ResourceID.fromResource(server);
        if (stopped(server)) {
            watch.forget(id);
            return;
        }
        watch.track(id, endpoint, declared.stream().filter(s -> !s.absent()).map(DesiredShare::name).toList(),
                declared);
    }

    /** A data-plane sync changed the server's dfs: its next census is taken at once. */
    void changed(ResourceID server) {
        watch.changed(server);
    }

    /** The server is gone: no more census, and its series go. */
    void forget(ResourceID server) {
        watch.forget(server);
    }

    /**
     * status.shares[].lastSnapshot from the server's latest census (before the first one, what the status said); a
     * stopped server's series go, whether or not the data-plane step still reaches it.
     */
    void showIn(DittoServer server, DittoServerStatus status) {
        ResourceID id = ResourceID.fromResource(server);
        if (stopped(server)) {
            watch.forget(id);
        }
        LastSnapshots.apply(server, status, watch.census(id));
        watch.shown(id, LastSnapshots.ids(status));
    }

    private SortedMap<String, ShareSnapshots> census(DfsEndpoint endpoint, List<String> shares) {
        DfsClient dfs = clients.client(endpoint.uri(), endpoint.adminPassword(), endpoint.tls());
        return SnapshotCensus.take(dfs.snapshotApi(), dfs.shareSnapshots(), shares);
    }

    private static boolean stopped(DittoServer server) {
        return Integer.valueOf(0).equals(server.getSpec().getReplicas());
    }
}
