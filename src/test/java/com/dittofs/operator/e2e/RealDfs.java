package com.dittofs.operator.e2e;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Profile of the tests that run the real dfs for a simulated pod: the operator manages the data plane and reaches
 * dfs on the pod IP. A profile of its own, so the operator is restarted with that setting.
 */
public class RealDfs implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OperatorUnderTest.class, Map.of(OperatorUnderTest.DATA_PLANE, "true")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    /** The operator under test runs as in production; a profile's default would be "test" (operator not started). */
    @Override
    public String getConfigProfile() {
        return "prod";
    }
}
