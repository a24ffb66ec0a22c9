package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.dfsclient.SnapshotApi;
import com.dittofs.operator.dfsclient.SnapshotPolicy;
import com.dittofs.operator.dfsclient.SnapshotPolicyRequest;

/** dfs's snapshot policies in memory, normalised as dfs normalises them (Go duration strings); writes recorded. */
final class FakeSnapshots implements SnapshotApi {

    final Map<String, SnapshotPolicy> policies = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    int lists;

    /** A policy as dfs would hold it after a PUT by hand. */
    void handMade(String share, String interval, int keepLast, String ttl, boolean enabled, String prefix) {
        policies.put(share, new SnapshotPolicy(share, enabled, interval, keepLast, ttl, prefix, null, null));
    }

    @Override
    public List<SnapshotPolicy> snapshotPolicies() {
        lists++;
        return List.copyOf(policies.values());
    }

    @Override
    public SnapshotPolicy putSnapshotPolicy(String share, SnapshotPolicyRequest request) {
        writes.add("put " + share);
        String ttl = request.ttl() == null || GoDurations.ttl(request.ttl()).isZero() ? null
                : goString(GoDurations.parse(request.ttl()));
        SnapshotPolicy policy = new SnapshotPolicy(share, request.enabled() == null || request.enabled(),
                goString(GoDurations.interval(request.interval())), request.keepLast() == null ? 0 : request.keepLast(),
                ttl, request.namePrefix(), null, null);
        policies.put(share, policy);
        return policy;
    }

    @Override
    public void deleteSnapshotPolicy(String share) {
        writes.add("delete " + share);
        if (policies.remove(share) == null) {
            throw com.dittofs.operator.dfsclient.DfsErrors.http(404, "snapshot policy not found");
        }
    }

    /** Go's Duration.String() for whole seconds, as dfs writes intervals back. */
    static String goString(java.time.Duration d) {
        return d.toHours() + "h" + d.toMinutesPart() + "m" + d.toSecondsPart() + "s";
    }
}
