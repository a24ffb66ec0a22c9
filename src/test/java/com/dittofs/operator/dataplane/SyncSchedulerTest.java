package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {

    private static final String TIMEOUT = "timeout";
    private static final String OK = "ok";

    private final ExecutorService main = Executors.newFixedThreadPool(2);
    private final ExecutorService suspect = Executors.newFixedThreadPool(1);
    private final Queue<String> finished = new ConcurrentLinkedQueue<>();
    /** Syncs the scheduler handed to its lanes: each runs as soon as its lane has a free thread. */
    private final AtomicInteger started = new AtomicInteger();
    private final SyncScheduler<String, String> syncs = new SyncScheduler<>(counting(main), counting(suspect),
            TIMEOUT::equals, e -> "crashed: " + e.getMessage(), finished::add);
    /** Never opened: a sync waiting on it is a hung dfs. */
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stop() {
        main.shutdownNow();
        suspect.shutdownNow();
    }

    private Executor counting(Executor lane) {
        return task -> {
            lane.execute(task);
            started.incrementAndGet();
        };
    }

    /** How many syncs of this server have finished (each announces itself once). */
    private long finishedSyncs(String server) {
        return finished.stream().filter(server::equals).count();
    }

    private String hang() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TIMEOUT;
    }

    @Test
    void aFinishedSyncIsAnnouncedAndPublishedOnceForTheSameRequest() {
        AtomicInteger runs = new AtomicInteger();
        var first = syncs.poll("a", "v1", () -> OK + runs.incrementAndGet());
        assertThat(started).hasValue(1);
        assertThat(first.latest()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains("a"));
        assertThat(runs).hasValue(1);

        var publish = syncs.poll("a", "v1", () -> OK + runs.incrementAndGet());
        assertThat(publish.fresh()).contains("ok1");
        assertThat(started).as("publishing syncs nothing").hasValue(1);

        // the next reconcile (a timer, an event) syncs again: drift is looked for
        var again = syncs.poll("a", "v1", () -> OK + runs.incrementAndGet());
        assertThat(started).hasValue(2);
        assertThat(again.fresh()).isEmpty();
        assertThat(again.latest()).contains("ok1");
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
    }

    @Test
    void aResultForAnOlderRequestIsNotPublishedButSyncedAgain() {
        syncs.poll("a", "v1", () -> OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains("a"));
        var changed = syncs.poll("a", "v2", () -> "ok-v2");
        assertThat(changed.fresh()).isEmpty();
        assertThat(started).hasValue(2);
        assertThat(changed.latest()).contains(OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> finishedSyncs("a") == 2);
        assertThat(syncs.poll("a", "v2", () -> OK).fresh()).contains("ok-v2");
    }

    @Test
    void atMostOneSyncPerServerIsInFlight() {
        AtomicInteger runs = new AtomicInteger();
        syncs.poll("hung", "v1", () -> {
            runs.incrementAndGet();
            return hang();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        for (int i = 0; i < 5; i++) {
            syncs.poll("hung", "v" + i, () -> {
                runs.incrementAndGet();
                return OK;
            });
        }
        assertThat(started).hasValue(1);
        assertThat(runs).hasValue(1);
        assertThat(finished).as("the first sync still runs").doesNotContain("hung");
    }

    @Test
    void aReconcileDuringASyncGetsOneMoreSyncWhenThatOneIsPublished() {
        CountDownLatch release = new CountDownLatch(1);
        syncs.poll("a", "v1", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        });
        syncs.poll("a", "v1", () -> "second"); // e.g. a user's edit while the first sync runs
        syncs.poll("a", "v1", () -> "second");
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains("a"));
        assertThat(started).hasValue(1);
        var publish = syncs.poll("a", "v1", () -> "second");
        assertThat(publish.fresh()).contains("first");
        assertThat(started).as("one more sync, not one per reconcile").hasValue(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.size() == 2);
        var next = syncs.poll("a", "v1", () -> "third");
        assertThat(next.fresh()).contains("second");
        assertThat(started).as("nothing came during the second sync").hasValue(2);
    }

    @Test
    void aSyncThatThrowsEndsWithAResult() {
        syncs.poll("a", "v1", () -> {
            throw new IllegalStateException("bug");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains("a"));
        assertThat(syncs.poll("a", "v1", () -> OK).fresh()).contains("crashed: bug");
    }

    /**
     * More hung servers than there are threads in both lanes: once each has timed out, they hang only on the suspect
     * lane, and a healthy server's sync starts at once.
     */
    @Test
    void hungServersDoNotStarveAHealthyOne() throws InterruptedException {
        List<String> hung = IntStream.range(0, 6).mapToObj(i -> "hung-" + i).toList();
        // first syncs: each times out (the client's read timeout ends them)
        hung.forEach(server -> syncs.poll(server, "v1", () -> TIMEOUT));
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.containsAll(hung));
        hung.forEach(server -> assertThat(syncs.poll(server, "v1", () -> OK).fresh()).contains(TIMEOUT));
        // the retries hang for good
        AtomicInteger hanging = new AtomicInteger();
        hung.forEach(server -> syncs.poll(server, "v1", () -> {
            hanging.incrementAndGet();
            return hang();
        }));
        assertThat(started).as("first syncs and retries").hasValue(2 * hung.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> hanging.get() == 1);

        CountDownLatch healthyRan = new CountDownLatch(1);
        syncs.poll("healthy", "v1", () -> {
            healthyRan.countDown();
            return OK;
        });
        assertThat(healthyRan.await(5, TimeUnit.SECONDS)).as("the healthy server's sync ran").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains("healthy"));
        assertThat(syncs.poll("healthy", "v1", () -> OK).fresh()).contains(OK);
        assertThat(hung).as("each retry still hangs").allMatch(server -> finishedSyncs(server) == 1);
    }

    @Test
    void aServerThatAnswersAgainLeavesTheSuspectLane() {
        syncs.poll("a", "v1", () -> TIMEOUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains("a"));
        syncs.poll("a", "v1", () -> OK); // publishes the timeout
        // the suspect lane is full: a hung server holds its only thread
        syncs.poll("b", "v1", () -> TIMEOUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains("b"));
        syncs.poll("b", "v1", () -> OK);
        syncs.poll("b", "v1", this::hang);
        // a's retry goes to the suspect lane, where it waits behind b
        int before = started.get();
        syncs.poll("a", "v1", () -> OK);
        assertThat(started).hasValue(before + 1);
        assertThat(finishedSyncs("a")).as("queued behind the hung server on the suspect lane").isEqualTo(1);
        never.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> finishedSyncs("a") == 2);
        assertThat(syncs.poll("a", "v1", () -> OK).fresh()).contains(OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> finishedSyncs("b") == 2);
        syncs.poll("b", "v1", () -> OK); // publishes b's timeout
        // answered: its next sync is on the main lane again, even while the suspect lane is busy
        CountDownLatch blockSuspect = new CountDownLatch(1);
        AtomicInteger bRuns = new AtomicInteger();
        syncs.poll("b", "v1", () -> {
            bRuns.incrementAndGet();
            try {
                blockSuspect.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TIMEOUT;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> bRuns.get() == 1);
        syncs.poll("a", "v1", () -> OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> finishedSyncs("a") == 3);
        blockSuspect.countDown();
    }
}
