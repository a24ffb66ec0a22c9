package com.dittofs.operator.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test, prints what a human would look at first: the DittoServers and what they own. */
public class DumpOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (E2E.namespace == null || E2E.cluster == null) {
            return;
        }
        var result = E2E.cluster.kubectl("-n", E2E.namespace, "get",
                "dittoservers,statefulsets,pods,services,configmaps,secrets,pvc,events", "-o", "wide");
        System.err.println("==== state of namespace " + E2E.namespace + " after " + context.getDisplayName()
                + " failed ====\n" + result.output());
        var yaml = E2E.cluster.kubectl("-n", E2E.namespace, "get", "dittoservers", "-o", "yaml");
        System.err.println(yaml.output());
    }
}
