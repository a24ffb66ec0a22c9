package com.dittofs.operator.e2e;

import java.util.Map;

/**
 * {@link RealDfs} with a short bounded wait for the DittoSnapshot finalizer, so that DittoSnapshotIT sees an
 * unreachable dfs released in seconds rather than the default 10 minutes.
 */
public class SnapshotsRealDfs extends RealDfs {

    /** The finalizer's bounded wait under test. */
    static final String DELETION_TIMEOUT = "20s";

    @Override
    public java.util.List<TestResourceEntry> testResources() {
        return java.util.List.of(new TestResourceEntry(OperatorUnderTest.class, Map.of(OperatorUnderTest.DATA_PLANE,
                "true", "dittofs.operator.snapshots.deletion-timeout", DELETION_TIMEOUT)));
    }
}
