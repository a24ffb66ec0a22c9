package com.dittofs.operator.reconciler;

import java.time.Instant;

import com.dittofs.operator.api.v1alpha1.ClientAuthSpec;
import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.certificates.ClientCertificates;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * With mutual TLS (controlPlane.tls.clientAuth: {}), the namespace's CA the pod mounts to verify clients; the client
 * certificate the operator presents is {@link DfsAccess}'s.
 */
final class OperatorClientCertificate {

    private final ClientCertificates certificates;

    OperatorClientCertificate(ClientCertificates certificates) {
        this.certificates = certificates;
    }

    /**
     * With {@code clientAuth: {}} the pod mounts the namespace's CA bundle, so it cannot start before the CA exists.
     * The CA is made with the first server certificate the operator issues in the namespace; a server with a
     * certificate of its own would wait for it forever, as would every server after the CA Secret was deleted: this
     * makes it (NamespaceCa), as issuing the client certificate would.
     */
    void ensureCa(DittoServer server, KubernetesClient client) {
        var auth = ControlPlaneTlsSpec.clientAuthIn(server.getSpec());
        if (auth.isPresent() && auth.map(ClientAuthSpec::getCaSecretRef).isEmpty()) {
            certificates.forNamespace(client, server.getMetadata().getNamespace(), Instant.now());
        }
    }
}
