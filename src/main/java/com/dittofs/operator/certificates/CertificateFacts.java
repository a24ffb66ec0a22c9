package com.dittofs.operator.certificates;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the operator checks of a certificate in a Secret: when it is due for renewal, the DNS names it carries, and
 * whether a CA of the Secret's bundle signed it. Read once per distinct content and remembered: a server is reconciled
 * many times while it converges and its certificate rarely changes, and parsing it with an ECDSA verification on every
 * pass was about a tenth of the operator's CPU while 100 new servers converged (docs/PERFORMANCE.md).
 *
 * @param renewalTime when the certificate is due for renewal ({@link CertificateLifetimes#renewalTime})
 * @param dnsNames its subject alternative DNS names
 * @param signedByBundle whether one of the bundle's certificates signed it
 */
record CertificateFacts(Instant renewalTime, Set<String> dnsNames, boolean signedByBundle) {

    /** Bounds the memory of Secrets that changed or went away; beyond it the facts are only read again. */
    private static final int REMEMBERED = 4096;
    private static final int DNS_NAME = 2;
    private static final Map<Key, Optional<CertificateFacts>> KNOWN = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Optional<CertificateFacts>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** The base64 texts of a Secret's data, as the informer keeps them: their hash codes are computed once. */
    private record Key(String certificate, String bundle) {
    }

    /**
     * The facts of {@code certificate} (base64 PEM, the leaf first) against {@code bundle} (base64 PEM of the CAs, or
     * null); empty when the certificate cannot be read.
     */
    static Optional<CertificateFacts> of(String certificate, String bundle) {
        Key key = new Key(certificate, bundle);
        Optional<CertificateFacts> facts = KNOWN.get(key);
        if (facts == null) {
            facts = read(certificate, bundle);
            KNOWN.put(key, facts);
        }
        return facts;
    }

    /** Remembers the facts of a certificate the operator has just issued, so that it is never parsed again. */
    static void remember(String certificate, String bundle, CertificateFacts facts) {
        KNOWN.put(new Key(certificate, bundle), Optional.of(facts));
    }

    /** Reads the facts from the certificate itself. */
    static Optional<CertificateFacts> read(String certificate, String bundle) {
        try {
            X509Certificate leaf = X509.certificates(NamespaceCa.decode(certificate)).get(0);
            List<X509Certificate> cas = bundle == null ? List.of() : X509.certificates(NamespaceCa.decode(bundle));
            return Optional.of(new CertificateFacts(CertificateLifetimes.renewalTime(leaf), Set.copyOf(dnsNames(leaf)),
                    cas.stream().anyMatch(ca -> signs(ca, leaf))));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // unreadable: the caller issues a new one
        }
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
