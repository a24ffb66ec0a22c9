package com.dittofs.operator.certificates;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The operator's CA of one namespace, in the Secret {@value Names#API_CA_SECRET} (tls.crt, tls.key, and ca.crt: the
 * current CA followed by the previous one while it is still valid, so that certificates of both verify during a CA
 * change). One CA per namespace rather than per installation: its key then sits beside the admin Secrets it
 * protects, so whoever may read it could read those anyway, and the operator needs no namespace of its own. Owned by
 * no DittoServer: it outlives them, and a server re-created later is issued by the same CA.
 *
 * <p>
 * Created on first use and replaced once less than a third of its lifetime is left, or when it would expire before
 * a server certificate issued now. Concurrent reconciles of two servers race on creation or renewal: the loser's
 * write conflicts and it uses the winner's CA.
 */
public final class NamespaceCa {

    static final String CERT = Names.TLS_CERT_KEY;
    static final String KEY = Names.TLS_PRIVATE_KEY;
    static final String BUNDLE = Names.TLS_CA_KEY;
    private static final int CONFLICT = 409;

    private NamespaceCa() {
    }

    /** The CA and its bundle (PEM). */
    public record Ca(X509.Issued issued, String bundlePem) {
    }

    /** The namespace's CA, created or renewed if need be. */
    public static Ca obtain(KubernetesClient client, String namespace, CertificateLifetimes lifetimes, Instant now) {
        var secrets = client.secrets().inNamespace(namespace);
        for (int attempt = 0; ; attempt++) {
            Secret existing = secrets.withName(Names.API_CA_SECRET).get();
            Ca current = existing == null ? null : read(existing);
            if (current != null && !due(current, lifetimes, now)) {
                return current;
            }
            Ca next = next(namespace, current, lifetimes, now);
            Secret desired = secret(namespace, next, existing);
            try {
                if (existing == null) {
                    secrets.resource(desired).create();
                } else {
                    secrets.resource(desired).update(); // optimistic: carries the resourceVersion read above
                }
                return next;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt > 2) {
                    throw e;
                }
            }
        }
    }

    static boolean due(Ca ca, CertificateLifetimes lifetimes, Instant now) {
        X509Certificate certificate = ca.issued().certificate();
        return CertificateLifetimes.dueForRenewal(certificate, now)
                || certificate.getNotAfter().toInstant().isBefore(now.plus(lifetimes.server()));
    }

    /** A new CA; the bundle keeps the previous CA certificate while it has not expired. */
    static Ca next(String namespace, Ca previous, CertificateLifetimes lifetimes, Instant now) {
        X509.Issued issued = X509.ca("dittofs-operator CA " + namespace + " " + now.getEpochSecond(), now,
                lifetimes.ca());
        String bundle = X509.pem(issued.certificate());
        if (previous != null && previous.issued().certificate().getNotAfter().toInstant().isAfter(now)) {
            bundle += X509.pem(previous.issued().certificate());
        }
        return new Ca(issued, bundle);
    }

    /** The CA of a Secret, or null when it holds none that can be used (then a new one replaces it). */
    static Ca read(Secret secret) {
        Map<String, String> data = secret.getData();
        if (data == null || !data.containsKey(CERT) || !data.containsKey(KEY)) {
            return null;
        }
        try {
            List<X509Certificate> certificates = X509.certificates(decode(data.get(CERT)));
            if (certificates.isEmpty()) {
                return null;
            }
            String bundle = data.containsKey(BUNDLE) ? decode(data.get(BUNDLE)) : decode(data.get(CERT));
            return new Ca(new X509.Issued(certificates.get(0), X509.privateKey(decode(data.get(KEY)))), bundle);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Secret secret(String namespace, Ca ca, Secret existing) {
        Map<String, String> data = new TreeMap<>();
        data.put(CERT, encode(X509.pem(ca.issued().certificate())));
        data.put(KEY, encode(X509.pem(ca.issued().key())));
        data.put(BUNDLE, encode(ca.bundlePem()));
        SecretBuilder builder = existing == null ? new SecretBuilder() : new SecretBuilder(existing);
        return builder.editOrNewMetadata()
                .withName(Names.API_CA_SECRET)
                .withNamespace(namespace)
                .addToLabels(Labels.MANAGED_BY, Labels.OPERATOR)
                .addToLabels(Labels.COMPONENT, Labels.COMPONENT_API_CA)
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
