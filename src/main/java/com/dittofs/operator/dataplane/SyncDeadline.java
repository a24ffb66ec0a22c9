package com.dittofs.operator.dataplane;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.dittofs.operator.dfsclient.AccessApi;
import com.dittofs.operator.dfsclient.DataPlaneApi;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.SnapshotApi;
import io.quarkus.runtime.annotations.RegisterForProxy;

/**
 * The overall deadline of one sync pass. Each call has its read timeout, but a dfs that answers each call just inside
 * it would hold a lane's thread for minutes (a first sync makes a hundred calls and more): once the deadline has
 * passed, the next call fails with {@link DfsApiException.Kind#DEADLINE_EXCEEDED} and the pass stops there, freeing
 * the thread at most one read timeout after the deadline.
 *
 * <p>
 * The bound APIs are JDK dynamic proxies: registered here for the native image, which needs every proxy known at build
 * time.
 */
@RegisterForProxy(targets = DataPlaneApi.class)
@RegisterForProxy(targets = AccessApi.class)
@RegisterForProxy(targets = SnapshotApi.class)
public final class SyncDeadline {

    private final Instant deadline;
    private final Duration limit;
    private final Clock clock;

    public SyncDeadline(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.deadline = clock.instant().plus(limit);
    }

    /** The data-plane calls, each refused once the deadline has passed. */
    public DataPlaneApi dataPlane(DataPlaneApi api) {
        return bound(api, DataPlaneApi.class);
    }

    /** The access calls, each refused once the deadline has passed. */
    public AccessApi access(AccessApi api) {
        return bound(api, AccessApi.class);
    }

    /** The snapshot-policy calls, likewise. */
    public SnapshotApi snapshots(SnapshotApi api) {
        return bound(api, SnapshotApi.class);
    }

    private <T> T bound(T target, Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() != Object.class && clock.instant().isAfter(deadline)) {
                throw DfsApiException.deadlineExceeded("The sync pass stopped at its deadline of "
                        + limit.toSeconds() + " s (dfs answers too slowly); the rest waits for the next pass");
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
