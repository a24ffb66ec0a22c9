package com.dittofs.operator.contract;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The Quarkus REST client only works inside a running Quarkus application, so the client tests are @QuarkusTest.
 * This profile keeps them independent of the e2e control plane (a global test resource) and of any cluster.
 */
public class ClientTestProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.kubernetes-client.devservices.enabled", "false",
                "quarkus.http.host", "127.0.0.1",
                "quarkus.http.test-port", "0",
                "quarkus.log.category.\"com.dittofs.operator.dfsclient\".level", "DEBUG");
    }
}
