package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.dittofs.operator.api.v1alpha1.ClientAuthSpec;
import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.certificates.ClientCertificates;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With {@code controlPlane.tls.clientAuth: {}} the operator holds one client certificate per namespace: the one the
 * reconcile issues to make the namespace's CA is the one the data-plane sync and the DittoSnapshot controller present
 * (they all go through {@link DfsAccess}). Issuing is counted by its log line.
 */
@Tag("mock")
class ClientCertificateMockTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ISSUING = "Issuing the operator's client certificate";

    private final Logger log = Logger.getLogger(ClientCertificates.class.getName());
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final Handler counter = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // the message with its parameters, whether the log manager formatted it or not
            String text = record.getMessage() + Arrays.toString(record.getParameters());
            if (text.contains(ISSUING)) {
                issued.add(text);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;
    private MockCluster cluster;

    @BeforeEach
    void start() {
        levelBefore = log.getLevel();
        log.setLevel(Level.INFO);
        log.addHandler(counter);
        cluster = new MockCluster(MockCluster.dataPlaneOff());
    }

    @AfterEach
    void stop() {
        cluster.close();
        log.removeHandler(counter);
        log.setLevel(levelBefore);
    }

    /**
     * Two servers with certificates of their own (missing, so their reconciles make the namespace's CA for the pods to
     * mount): the reconciles, then the sync's and the snapshot controller's way to each server, issue one client
     * certificate between them.
     */
    @Test
    void oneClientCertificatePerNamespaceWhoeverAsks() {
        List<DittoServer> servers = List.of(mutualTls("first"), mutualTls("second"));
        servers.forEach(s -> cluster.client.resource(s).create());
        var caSecret = cluster.client.secrets().inNamespace(MockCluster.NAMESPACE).withName(Names.API_CA_SECRET);
        await().atMost(TIMEOUT).until(() -> caSecret.get() != null);
        await().atMost(TIMEOUT).until(() -> servers.stream().allMatch(s -> cluster.get(s.getMetadata().getName())
                .getStatus() != null));

        DfsAccess access = cluster.reconciler.dataPlane.access;
        List<String> presented = servers.stream().map(s -> cluster.get(s.getMetadata().getName()))
                .map(s -> access.tls(s, PodInputs.of(s, name -> Optional.ofNullable(cluster.client.secrets()
                        .inNamespace(MockCluster.NAMESPACE).withName(name).get())).secrets(), cluster.client))
                .map(DfsTls::clientCertificatePem).toList();

        assertThat(presented).as("both servers are reached with a client certificate").doesNotContainNull();
        assertThat(presented.get(1)).as("the same certificate for both servers").isEqualTo(presented.get(0));
        assertThat(issued).as("client certificates issued for namespace " + MockCluster.NAMESPACE).hasSize(1)
                .allMatch(line -> line.contains(MockCluster.NAMESPACE));
    }

    private static DittoServer mutualTls(String name) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        server.getMetadata().setUid(null);
        server.getMetadata().setGeneration(null);
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setSecretName(name + "-own-certificate");
        tls.setClientAuth(new ClientAuthSpec());
        server.getSpec().getControlPlane().setTls(tls);
        return server;
    }
}
