package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.DataPlaneApi;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.testing.FakeClock;
import org.junit.jupiter.api.Test;

/**
 * A dfs that answers each call just inside the read timeout (9 s of a fake clock per call): without a deadline a
 * first sync of a server with 50 users would hold its lane for half an hour; with it, the pass stops at the deadline.
 */
class SyncDeadlineTest {

    private static final Duration PER_CALL = Duration.ofSeconds(9);
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicInteger calls = new AtomicInteger();

    /** The fake behind a proxy that takes PER_CALL of the fake clock for each call. */
    @SuppressWarnings("unchecked")
    private <T> T slow(T fake, Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            calls.incrementAndGet();
            clock.advance(PER_CALL);
            try {
                return method.invoke(fake, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static DesiredDataPlane fiftyUsers() {
        DittoServer server = Fixtures.basic();
        AccessFixtures.users(server, 50);
        return DesiredDataPlane.from(server.getSpec(), Optional.empty(), AccessFixtures.passwords(50));
    }

    @Test
    void aSlowDfsStopsThePassAtItsDeadlineAndSaysSo() {
        FakeDfs dfs = new FakeDfs();
        FakeAccess access = new FakeAccess();
        SyncDeadline deadline = new SyncDeadline(Duration.ofSeconds(60), clock);
        Instant start = clock.instant();

        DataPlaneReport report = DataPlaneSync.converge(deadline.dataPlane(slow(dfs, DataPlaneApi.class)),
                deadline.access(slow(access, AccessApi.class)), null, fiftyUsers(), Ownership.none(),
                ManagedAccess.none(), Ownership.none(), new PasswordLedger(), "slow");

        assertThat(report.failure()).isNotNull();
        assertThat(report.failure().cause()).isEqualTo(SyncFailure.Cause.DEADLINE);
        assertThat(report.failure().message()).contains("deadline of 60 s");
        // calls start until the deadline has passed; the last one ends at most one call after it
        assertThat(calls.get()).isEqualTo(7);
        assertThat(Duration.between(start, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(60)
                .plus(PER_CALL));
    }

    @Test
    void aPassWithinItsDeadlineIsUntouched() {
        FakeDfs dfs = new FakeDfs();
        FakeAccess access = new FakeAccess();
        SyncDeadline deadline = new SyncDeadline(Duration.ofHours(1), clock);

        DataPlaneReport report = DataPlaneSync.converge(deadline.dataPlane(slow(dfs, DataPlaneApi.class)),
                deadline.access(slow(access, AccessApi.class)), null, fiftyUsers(), Ownership.none(),
                ManagedAccess.none(), Ownership.none(), new PasswordLedger(), "slow");

        assertThat(report.failure()).isNull();
        assertThat(report.converged()).isTrue();
        assertThat(calls.get()).as("a first sync of 50 users makes this many calls").isGreaterThan(100);
    }
}
