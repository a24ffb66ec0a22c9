package com.dittofs.operator.certificates;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.jboss.logging.Logger;

/**
 * The client certificate the operator presents to a dfs that requires one (controlPlane.tls.clientAuth with the
 * operator's CA): one per namespace, issued from {@link NamespaceCa}, kept in memory and issued anew when due for
 * renewal or when the CA changed. It is no input of the pod (dfs trusts the CA, not this certificate), so it needs no
 * Secret: after an operator restart a new one is issued.
 */
public final class ClientCertificates {

    /** PEM certificate and key; never print the key. */
    public record Pem(String certificate, String key) {
        @Override
        public String toString() {
            return "Pem[client certificate]";
        }
    }

    private static final Logger LOG = Logger.getLogger(ClientCertificates.class);

    private record Entry(X509Certificate ca, X509.Issued certificate) {
    }

    private final Map<String, Entry> issued = new ConcurrentHashMap<>();
    private final CertificateLifetimes lifetimes;

    public ClientCertificates(CertificateLifetimes lifetimes) {
        this.lifetimes = lifetimes;
    }

    /** The operator's client certificate for the servers of this namespace. */
    public Pem forNamespace(KubernetesClient client, String namespace, Instant now) {
        NamespaceCa.Ca ca = NamespaceCa.obtain(client, namespace, lifetimes, now);
        Entry entry = issued.compute(namespace, (ns, old) -> old != null && old.ca().equals(ca.issued().certificate())
                && !CertificateLifetimes.dueForRenewal(old.certificate().certificate(), now) ? old
                        : new Entry(ca.issued().certificate(), issue(ca, namespace, now)));
        return new Pem(X509.pem(entry.certificate().certificate()), X509.pem(entry.certificate().key()));
    }

    /** Never outlives the CA, as the server certificates. */
    private X509.Issued issue(NamespaceCa.Ca ca, String namespace, Instant now) {
        Instant notAfter = now.plus(lifetimes.server());
        Instant caEnd = ca.issued().certificate().getNotAfter().toInstant();
        Instant until = notAfter.isAfter(caEnd) ? caEnd : notAfter;
        LOG.infof("Issuing the operator's client certificate for the servers of namespace %s, valid until %s",
                namespace, until);
        return X509.client(ca.issued(), Names.OPERATOR_CLIENT_NAME, now, until);
    }
}
