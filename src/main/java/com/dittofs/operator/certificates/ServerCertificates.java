package com.dittofs.operator.certificates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The REST API's certificate the operator issues for one DittoServer: which names it carries, whether the one in
 * its Secret can stay, and a new one. Pure functions; the CA comes from {@link NamespaceCa}.
 */
public final class ServerCertificates {

    private ServerCertificates() {
    }

    /**
     * Every name a client in the cluster may use: the -api Service in all its forms (the operator in the cluster
     * connects to {@code <name>-api.<namespace>.svc}) and the pod's stable name through the headless Service.
     */
    public static List<String> dnsNames(DittoServer server) {
        String service = Names.apiService(server);
        String namespace = server.getMetadata().getNamespace();
        return List.of(Names.apiServiceHost(server), service, service + "." + namespace,
                Names.apiServiceHost(server) + ".cluster.local", Names.serverPodHost(server),
                Names.serverPodHost(server) + ".cluster.local");
    }

    /**
     * Whether the Secret's certificate can stay: it parses, names exactly {@code dnsNames}, is signed by a CA of its
     * own ca.crt, comes with a key, and is not yet due for renewal.
     */
    public static boolean current(Secret secret, List<String> dnsNames, Instant now) {
        Map<String, String> data = secret == null ? null : secret.getData();
        if (data == null || !data.containsKey(Names.TLS_PRIVATE_KEY) || !data.containsKey(Names.TLS_CERT_KEY)
                || !data.containsKey(Names.TLS_CA_KEY)) {
            return false;
        }
        Set<String> names = Set.copyOf(dnsNames);
        return CertificateFacts.of(data.get(Names.TLS_CERT_KEY), data.get(Names.TLS_CA_KEY))
                .filter(facts -> now.isBefore(facts.renewalTime()) && facts.signedByBundle()
                        && facts.dnsNames().equals(names))
                .isPresent();
    }

    /** When the Secret's certificate is due for renewal, if it holds one. */
    public static Optional<Instant> renewalTime(Secret secret) {
        Map<String, String> data = secret == null ? null : secret.getData();
        if (data == null || !data.containsKey(Names.TLS_CERT_KEY)) {
            return Optional.empty();
        }
        return CertificateFacts.of(data.get(Names.TLS_CERT_KEY), data.get(Names.TLS_CA_KEY))
                .map(CertificateFacts::renewalTime);
    }

    /** A new certificate from {@code ca}, as the base64 data of a kubernetes.io/tls Secret; never outlives the CA. */
    public static Map<String, String> issue(NamespaceCa.Ca ca, List<String> dnsNames, CertificateLifetimes lifetimes,
            Instant now) {
        Instant notAfter = now.plus(lifetimes.server());
        Instant caEnd = ca.issued().certificate().getNotAfter().toInstant();
        X509.Issued issued = X509.server(ca.issued(), dnsNames, now, notAfter.isAfter(caEnd) ? caEnd : notAfter);
        Map<String, String> data = new TreeMap<>();
        data.put(Names.TLS_CERT_KEY, NamespaceCa.encode(X509.pem(issued.certificate())));
        data.put(Names.TLS_PRIVATE_KEY, NamespaceCa.encode(X509.pem(issued.key())));
        data.put(Names.TLS_CA_KEY, NamespaceCa.encode(ca.bundlePem()));
        CertificateFacts.remember(data.get(Names.TLS_CERT_KEY), data.get(Names.TLS_CA_KEY), new CertificateFacts(
                CertificateLifetimes.renewalTime(issued.certificate()), Set.copyOf(dnsNames),
                ca.bundlePem().contains(X509.pem(ca.issued().certificate()))));
        return data;
    }
}
