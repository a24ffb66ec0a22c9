package com.dittofs.operator.dataplane;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.dittofs.operator.dfsclient.SnapshotApi;
import com.dittofs.operator.dfsclient.SnapshotPolicy;
import com.dittofs.operator.dfsclient.SnapshotPolicyRequest;

/**
 * Brings the shares' snapshot policies in dfs to the declared ones, with the ownership rules of shares: a declared
 * policy is created, or adopted once and kept as declared (hand edits are undone); {@code ensure: absent} deletes it
 * (also one made by hand); a policy of a share that declares none is left alone, and one the operator created is
 * named as left in dfs. One list call per pass; writes only where dfs differs.
 */
public final class SnapshotPolicySync {

    /** A declared policy; {@code interval} and {@code ttl} as written in the spec. */
    public record DesiredPolicy(String share, String interval, int keepLast, String ttl, boolean enabled,
            String namePrefix, boolean absent) {

        SnapshotPolicyRequest request() {
            return new SnapshotPolicyRequest(interval, keepLast, ttl == null || ttl.isEmpty() ? null : ttl, enabled,
                    namePrefix == null || namePrefix.isEmpty() ? null : namePrefix);
        }
    }

    /**
     * @param owned the policies the operator created or adopted, by share, after the pass
     * @param undeclared created policies no longer declared: left in dfs
     */
    public record Result(Ownership owned, List<String> undeclared) {
    }

    private SnapshotPolicySync() {
    }

    /**
     * @param served the declared shares dfs serves now: a policy needs its share (dfs answers 404 otherwise)
     * @param changes where each change is described, for events
     */
    public static Result converge(SnapshotApi dfs, List<DesiredPolicy> desired, Ownership before, Set<String> served,
            List<String> changes) {
        OwnershipRecord record = new OwnershipRecord(before);
        Map<String, SnapshotPolicy> existing = new HashMap<>();
        dfs.snapshotPolicies().forEach(p -> existing.put(p.share(), p));
        record.seen(existing.keySet(), List.of());
        for (DesiredPolicy want : desired) {
            SnapshotPolicy have = existing.get(want.share());
            if (want.absent()) {
                if (have != null) {
                    dfs.deleteSnapshotPolicy(want.share());
                    changes.add("Deleted snapshot policy on " + want.share() + " (ensure: absent)");
                }
                record.deleted(want.share());
                continue;
            }
            if (!served.contains(want.share())) {
                continue;
            }
            if (have == null) {
                dfs.putSnapshotPolicy(want.share(), want.request());
                record.created(want.share());
                changes.add("Created snapshot policy on " + want.share());
                continue;
            }
            if (record.found(want.share())) {
                changes.add(AccessSync.adopted("snapshot policy on", want.share(), "spec.shares[].snapshotPolicy"));
            }
            if (differs(want, have)) {
                dfs.putSnapshotPolicy(want.share(), want.request());
                changes.add("Updated snapshot policy on " + want.share());
            }
        }
        Set<String> present = desired.stream().filter(p -> !p.absent()).map(DesiredPolicy::share)
                .collect(Collectors.toSet());
        return new Result(record.result(present), record.undeclared(present));
    }

    /** Compared as dfs stores them: durations, not their spelling ("@daily" is "24h0m0s"). */
    static boolean differs(DesiredPolicy want, SnapshotPolicy have) {
        Duration haveInterval = GoDurations.parse(have.interval());
        return want.enabled() != have.enabled() || want.keepLast() != have.keepLast()
                || !GoDurations.interval(want.interval()).equals(haveInterval)
                || !GoDurations.ttl(want.ttl()).equals(GoDurations.ttl(have.ttl()))
                || !Objects.equals(blankToNull(want.namePrefix()), blankToNull(have.namePrefix()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
