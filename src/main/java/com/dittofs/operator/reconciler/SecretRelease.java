package com.dittofs.operator.reconciler;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import org.jboss.logging.Logger;

/**
 * Takes the watch label off the Secrets of a deleted DittoServer that no other server references (a deleted server
 * is never reconciled again, so {@link ReferencedSecrets#release} would otherwise wait for another server of the
 * namespace). Sends no events of its own.
 */
final class SecretRelease extends SimpleInboundEventSource<DittoServer> implements ResourceEventAware<DittoServer> {

    private static final Logger LOG = Logger.getLogger(SecretRelease.class);

    private final InformerEventSource<Secret, DittoServer> secrets;
    private final IndexedResourceCache<DittoServer> servers;
    private final KubernetesClient client;

    SecretRelease(InformerEventSource<Secret, DittoServer> secrets, IndexedResourceCache<DittoServer> servers,
            KubernetesClient client) {
        super("referenced-secrets-release");
        this.secrets = secrets;
        this.servers = servers;
        this.client = client;
    }

    @Override
    public void onResourceDeleted(DittoServer server) {
        release(server.getMetadata().getNamespace(), server, secrets, servers, client);
    }

    /** Releases what no server references; a failure is logged and left for the next reconcile of the namespace. */
    static void release(String namespace, DittoServer gone, InformerEventSource<Secret, DittoServer> secrets,
            IndexedResourceCache<DittoServer> servers, KubernetesClient client) {
        try {
            ReferencedSecrets.release(namespace, gone, secrets, servers, client);
        } catch (KubernetesClientException e) {
            LOG.debugf("Taking the watch label off unreferenced Secrets of %s failed: %s", namespace, e.getMessage());
        }
    }
}
