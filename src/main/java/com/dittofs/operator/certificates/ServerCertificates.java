package com.dittofs.operator.certificates;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
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

    private static final int DNS_NAME = 2;

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
        try {
            X509Certificate leaf = X509.certificates(NamespaceCa.decode(data.get(Names.TLS_CERT_KEY))).get(0);
            List<X509Certificate> cas = X509.certificates(NamespaceCa.decode(data.get(Names.TLS_CA_KEY)));
            return !CertificateLifetimes.dueForRenewal(leaf, now)
                    && new HashSet<>(dnsNames).equals(dnsNames(leaf))
                    && cas.stream().anyMatch(ca -> signs(ca, leaf));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // unreadable: issue a new one
        }
    }

    /** When the Secret's certificate is due for renewal, if it holds one. */
    public static Optional<Instant> renewalTime(Secret secret) {
        try {
            return Optional.of(CertificateLifetimes.renewalTime(X509.certificates(
                    NamespaceCa.decode(secret.getData().get(Names.TLS_CERT_KEY))).get(0)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
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
        return data;
    }

    private static boolean signs(X509Certificate ca, X509Certificate leaf) {
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Set<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        Set<String> names = new HashSet<>();
        if (alternatives != null) {
            alternatives.stream().filter(san -> Integer.valueOf(DNS_NAME).equals(san.get(0)))
                    .forEach(san -> names.add(san.get(1).toString()));
        }
        return names;
    }
}
