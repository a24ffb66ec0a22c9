package com.dittofs.operator.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test, prints what a human would look at first: the DittoServers and what they own. */
public class DumpOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (E2E.namespace == null) {
            return;
        }
        var result = ControlPlane.get().kubectl("-n", E2E.namespace, "get",
                "dittoservers,statefulsets,pods,services,configmaps,secrets,pvc,events", "-o", "wide");
        System.err.println("==== state of namespace " + E2E.namespace + " after " + context.getDisplayName()
                + " failed ====\n" + result.output());
        var yaml = ControlPlane.get().kubectl("-n", E2E.namespace, "get", "dittoservers", "-o", "yaml");
        System.err.println(yaml.output());
    }
}
