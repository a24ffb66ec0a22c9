package com.dittofs.operator.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.junit.jupiter.api.AfterAll;

/**
 * Base of the fault tests that run the packaged operator as processes of their own ({@link OperatorProcess}) to kill,
 * restart, duplicate or cut it off. They get a control plane of their own ({@link ControlPlane#faults()}): the
 * operator under test of the other end-to-end tests watches every namespace of the shared one and would reconcile
 * beside them, and holds the leader-election lease there. Test classes run one after another, and each stops its
 * operators when it ends, so one operator (or one leader) at a time works on this control plane.
 */
public abstract class FaultE2E extends E2E {

    /** The lease JOSDK takes in the operator's namespace (see LeaderElection). */
    static final String LEASE = "dittofs-operator-lock";

    private static final List<OperatorProcess> operators = new ArrayList<>();

    /** Stops this class's operators; drops its namespace, so that the next class's operators start on a clean slate. */
    @AfterAll
    static void stopOperators() {
        operators.forEach(OperatorProcess::close);
        operators.clear();
        if (System.getenv("KEEP_CLUSTER") == null) {
            admin.namespaces().withName(namespace).delete();
        }
    }

    /** Starts an operator process (identity = its "pod name") against the apiserver at url; waits until it is up. */
    protected static OperatorProcess startOperator(String identity, String url) {
        OperatorProcess operator = OperatorProcess.of(cluster, identity, url);
        operators.add(operator);
        return operator.start().awaitUp();
    }

    protected static OperatorProcess startOperator(String identity) {
        return startOperator(identity, cluster.apiServerUrl());
    }

    /** A small server (the basic sample) under another name, created in the test namespace. */
    protected static DittoServer createServer(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        return create(server);
    }

    /** Ready, and the status speaks about the latest spec. */
    protected static boolean settled(String name) {
        DittoServer server = get(name);
        return server != null && server.getStatus() != null
                && server.getMetadata().getGeneration().equals(server.getStatus().getObservedGeneration())
                && conditionIs(name, "Ready", "True");
    }

    /** Waits until every named server is settled; returns how long that took from {@code since} (System.nanoTime). */
    protected static Duration awaitSettled(List<String> names, long since) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> names.stream().allMatch(FaultE2E::settled));
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Who holds the operator's leader-election lease, or null. */
    protected static String leaseHolder() {
        Lease lease = admin.resources(Lease.class).inNamespace(OperatorUnderTest.OPERATOR_NAMESPACE).withName(LEASE).get();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    protected static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format("%s-%02d", prefix, i));
        }
        return names;
    }
}
