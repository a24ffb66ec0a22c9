package com.dittofs.operator.dataplane;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.ShareSnapshotApi;
import com.dittofs.operator.dfsclient.Snapshot;
import com.dittofs.operator.dfsclient.SnapshotApi;
import com.dittofs.operator.dfsclient.SnapshotPolicy;

/**
 * What a server's shares have of snapshots: per share, the newest ready snapshot and the enabled policy that should
 * keep taking them. Read-only: one list of policies, one list of snapshots per share.
 */
public final class SnapshotCensus {

    /** A server with no enabled policy is looked at this often (its shares' snapshots taken by hand). */
    public static final Duration MOST = Duration.ofMinutes(15);
    /** Never more often: dfs's scheduler itself looks once a minute. */
    public static final Duration LEAST = Duration.ofMinutes(1);

    /**
     * @param latest the newest ready snapshot, if any
     * @param policy the share's enabled policy in dfs, if any (declared or made by hand)
     */
    public record ShareSnapshots(String share, Optional<Snapshot> latest, Optional<Policy> policy) {
    }

    /** An enabled policy: its interval, and since when dfs has it (a policy that never took one is overdue too). */
    public record Policy(Duration interval, Instant createdAt) {
    }

    private SnapshotCensus() {
    }

    /**
     * @param shares the shares to look at (the declared ones); shares with a policy in dfs are looked at too
     * @return by share name, the shares that have a ready snapshot or an enabled policy
     */
    public static SortedMap<String, ShareSnapshots> take(SnapshotApi policies, ShareSnapshotApi snapshots,
            Collection<String> shares) {
        Map<String, Policy> enabled = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(shares);
        for (SnapshotPolicy p : policies.snapshotPolicies()) {
            names.add(p.share());
            if (p.enabled()) {
                enabled.put(p.share(), new Policy(GoDurations.interval(p.interval()), p.createdAt()));
            }
        }
        SortedMap<String, ShareSnapshots> census = new TreeMap<>();
        for (String share : names) {
            Optional<Snapshot> latest = listed(snapshots, share).stream()
                    .filter(s -> Snapshot.READY.equals(s.state()) && s.createdAt() != null)
                    .max(Comparator.comparing(Snapshot::createdAt));
            Optional<Policy> policy = Optional.ofNullable(enabled.get(share));
            if (latest.isPresent() || policy.isPresent()) {
                census.put(share, new ShareSnapshots(share, latest, policy));
            }
        }
        return census;
    }

    /** The share's snapshots; none for a declared share dfs does not have yet (the sync has not made it). */
    private static List<Snapshot> listed(ShareSnapshotApi snapshots, String share) {
        try {
            return snapshots.snapshots(share);
        } catch (DfsApiException e) {
            if (e.notFound() && e.problem()) { // a plain-text 404 is a wrong route, not a missing share
                return List.of();
            }
            throw e;
        }
    }

    /**
     * How often to take the census of a server: half its shortest enabled interval, between {@link #LEAST} and
     * {@link #MOST}. The alert on a policy fires when its last snapshot is older than twice the interval for 15
     * minutes; dfs starts a due snapshot within its one-minute tick, so a census at most half an interval (or 15
     * minutes) old keeps the exported time within an interval of the truth and never makes the alert fire by
     * itself. More often would only cost dfs calls: one list per share each time.
     */
    public static Duration cadence(Collection<ShareSnapshots> census) {
        Duration shortest = census.stream().flatMap(s -> s.policy().stream()).map(Policy::interval)
                .min(Comparator.naturalOrder()).orElse(MOST.multipliedBy(2));
        Duration half = shortest.dividedBy(2);
        return half.compareTo(LEAST) < 0 ? LEAST : half.compareTo(MOST) > 0 ? MOST : half;
    }
}
