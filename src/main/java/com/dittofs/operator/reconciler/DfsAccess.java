package com.dittofs.operator.reconciler;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.ClientAuthSpec;
import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.MetricsSpec;
import com.dittofs.operator.certificates.CertificateLifetimes;
import com.dittofs.operator.certificates.ClientCertificates;
import com.dittofs.operator.config.DataPlaneSettings;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsEndpoint;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretResolution;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import org.jboss.logging.Logger;

/**
 * How the operator reaches a server's REST API as admin: its address (Service or pod IP), the admin password from
 * the server's Secrets, and with TLS the CA to verify dfs with and the client certificate to present. The data-plane
 * sync and the DittoSnapshot controller both go through here. It holds the operator's one cache of client
 * certificates: one certificate per namespace, whoever asks.
 */
@ApplicationScoped
public class DfsAccess {

    private static final Logger LOG = Logger.getLogger(DfsAccess.class);

    @Inject
    DataPlaneSettings settings;

    @Inject
    DfsClientFactory clients;

    private final ClientCertificates clientCertificates = new ClientCertificates(CertificateLifetimes.configured());

    /**
     * With {@code clientAuth: {}} the pod mounts the namespace's CA bundle, so it cannot start before the CA exists.
     * The CA is made with the first server certificate the operator issues in the namespace; a server with a
     * certificate of its own would wait for it forever, as would every server after the CA Secret was deleted: this
     * makes it (NamespaceCa) by issuing the operator's client certificate, the one {@link #tls} presents later.
     */
    void ensureCa(DittoServer server, KubernetesClient client) {
        var auth = ControlPlaneTlsSpec.clientAuthIn(server.getSpec());
        if (auth.isPresent() && auth.map(ClientAuthSpec::getCaSecretRef).isEmpty()) {
            clientCertificates.forNamespace(client, server.getMetadata().getNamespace(), Instant.now());
        }
    }

    /**
     * The cached admin client of a server whose status counts a ready replica; empty while none is, a Secret is
     * missing or the pod's address is unknown.
     *
     * @throws DfsTls.UnusableCaException when the CA or the client certificate of spec.controlPlane.tls is unusable
     */
    public Optional<DfsClient> adminClient(DittoServer server, KubernetesClient client) {
        Integer ready = server.getStatus() == null ? null : server.getStatus().getReadyReplicas();
        if (ready == null || ready < 1) {
            return Optional.empty();
        }
        return admin(server, serverPod(server, client), client)
                .map(e -> clients.client(e.uri(), e.adminPassword(), e.tls()));
    }

    /**
     * How a DittoSnapshotRestore reaches the server's REST API as admin: empty while the data plane is not managed,
     * the pod is not ready or a Secret of the pod is missing. (It reads the pod, not the status: a restore must not
     * start on a pod that just went away.)
     */
    public Optional<DfsEndpoint> endpoint(DittoServer server, KubernetesClient client) {
        Pod pod = client.pods().inNamespace(server.getMetadata().getNamespace()).withName(Names.serverPod(server))
                .get();
        if (!settings.enabled() || pod == null || !Readiness.isPodReady(pod)) {
            return Optional.empty();
        }
        return admin(server, pod, client);
    }

    /** Address, admin password and TLS from the server's Secrets; empty while a Secret or the address is missing. */
    private Optional<DfsEndpoint> admin(DittoServer server, Pod pod, KubernetesClient client) {
        String namespace = server.getMetadata().getNamespace();
        PodInputs inputs = PodInputs.of(server,
                name -> Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get()));
        Optional<String> password = value(inputs.secrets(), PodEnvironment.ADMIN_PASSWORD_ENV);
        Optional<URI> uri = apiUri(server, pod);
        if (!inputs.secrets().complete() || password.isEmpty() || uri.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DfsEndpoint(uri.get(), password.get(), tls(server, inputs.secrets(), client)));
    }

    /** With TLS, what verifies dfs and, with mutual TLS, the client certificate; null for plain HTTP. */
    DfsTls tls(DittoServer server, SecretResolution secrets, KubernetesClient client) {
        return withClientCertificate(server, serverTls(server, secrets), client);
    }

    /**
     * The server's pod: its IP for api-access=pod-ip, its uid for status.dfsVersion. With api-access=service only the
     * version needs it: not read without metrics, and a pod that cannot be read leaves only the version unknown.
     */
    Pod serverPod(DittoServer server, KubernetesClient client) {
        var pod = client.pods().inNamespace(server.getMetadata().getNamespace())
                .withName(Names.serverPod(server));
        if (settings.apiAccess() == DataPlaneSettings.ApiAccess.POD_IP) {
            return pod.get();
        }
        if (!MetricsSpec.enabledIn(server.getSpec())) {
            return null;
        }
        try {
            return pod.get();
        } catch (KubernetesClientException e) {
            LOG.debugf("Pod of DittoServer %s/%s not readable (%s): its dfs version stays unknown",
                    server.getMetadata().getNamespace(), server.getMetadata().getName(), e.getMessage());
            return null;
        }
    }

    /** @param pod the server's pod (see {@link #serverPod}), or null */
    Optional<URI> apiUri(DittoServer server, Pod pod) {
        int port = server.getSpec().getControlPlane().getPort();
        String scheme = ControlPlaneTlsSpec.enabledIn(server.getSpec()) ? "https://" : "http://";
        if (settings.apiAccess() == DataPlaneSettings.ApiAccess.SERVICE) {
            return Optional.of(URI.create(scheme + Names.apiServiceHost(server) + ":" + port));
        }
        return Optional.ofNullable(pod).map(p -> p.getStatus().getPodIP())
                .map(ip -> URI.create(scheme + ip + ":" + port));
    }

    /**
     * With mutual TLS, the client certificate the operator presents: its own from the namespace's CA, or the one in
     * clientAuth.operatorCertificateSecretName.
     */
    private DfsTls withClientCertificate(DittoServer server, DfsTls tls, KubernetesClient client) {
        var auth = ControlPlaneTlsSpec.clientAuthIn(server.getSpec());
        if (tls == null || auth.isEmpty()) {
            return tls;
        }
        String namespace = server.getMetadata().getNamespace();
        String own = auth.get().getOperatorCertificateSecretName();
        if (own == null) {
            var pem = clientCertificates.forNamespace(client, namespace, Instant.now());
            return tls.withClientCertificate(pem.certificate(), pem.key());
        }
        Secret secret = client.secrets().inNamespace(namespace).withName(own).get();
        if (secret == null || secret.getData() == null || !secret.getData().containsKey(Names.TLS_CERT_KEY)
                || !secret.getData().containsKey(Names.TLS_PRIVATE_KEY)) {
            throw new DfsTls.UnusableCaException("The Secret " + own + " of controlPlane.tls.clientAuth"
                    + ".operatorCertificateSecretName has no tls.crt and tls.key", null);
        }
        return tls.withClientCertificate(decode(secret.getData().get(Names.TLS_CERT_KEY)),
                decode(secret.getData().get(Names.TLS_PRIVATE_KEY)));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /**
     * With TLS, the CA to verify dfs with: the certificate Secret's ca.crt, else the operator's CA bundle, else the
     * JVM's public CAs; the name to verify is always the -api Service's, whatever address the operator connects to.
     */
    private DfsTls serverTls(DittoServer server, SecretResolution secrets) {
        if (!ControlPlaneTlsSpec.enabledIn(server.getSpec())) {
            return null;
        }
        // the certificate Secret's files are the mounted ones dfs reloads (not the client CA, not a token)
        String ca = first(secrets,
                r -> r.binding().mounted() && !r.binding().readAtStart() && Names.TLS_CA_KEY.equals(r.key()))
                .orElseGet(() -> settings.caBundle().map(DfsAccess::read).orElse(null));
        return new DfsTls(ca, Names.apiServiceHost(server));
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file), StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read dittofs.operator.data-plane.ca-bundle " + file, e);
        }
    }

    /** The bearer token of dfs's metrics endpoint, when metrics.bearerTokenSecret sets one. */
    static String metricsToken(SecretResolution secrets) {
        return first(secrets, r -> PodEnvironment.METRICS_TOKEN_FIELD.equals(r.binding().field())).orElse(null);
    }

    /** The plain value behind a Secret-fed variable of the pod. */
    static Optional<String> value(SecretResolution secrets, String env) {
        return first(secrets, r -> env.equals(r.binding().env()));
    }

    /** The decoded value of the first resolved Secret key that matches. */
    private static Optional<String> first(SecretResolution secrets, Predicate<SecretResolution.Resolved> which) {
        return secrets.resolved().stream().filter(which).findFirst().map(r -> decode(r.value()));
    }
}
