package com.dittofs.operator.certificates;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import io.quarkus.runtime.configuration.DurationConverter;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long the operator's certificates live, and when they are renewed: once less than a third of a certificate's
 * lifetime is left (cert-manager's default), so that a renewal that fails has two thirds' worth of retries.
 *
 * @param server lifetime of a REST API server certificate ({@value #SERVER_PROPERTY}, default 90 days)
 * @param ca lifetime of a namespace's CA ({@value #CA_PROPERTY}, default 10 years)
 */
public record CertificateLifetimes(Duration server, Duration ca) {

    public static final String SERVER_PROPERTY = "dittofs.operator.tls.certificate-lifetime";
    public static final String CA_PROPERTY = "dittofs.operator.tls.ca-lifetime";

    public static CertificateLifetimes defaults() {
        return new CertificateLifetimes(Duration.ofDays(90), Duration.ofDays(3650));
    }

    /**
     * From the operator's configuration, in Quarkus's duration format ({@code 90d}, {@code 12h}, {@code 90s}, or
     * ISO-8601). Read as text: the plain MicroProfile converter of Duration knows ISO-8601 only.
     */
    public static CertificateLifetimes configured() {
        var config = ConfigProvider.getConfig();
        CertificateLifetimes defaults = defaults();
        return new CertificateLifetimes(
                config.getOptionalValue(SERVER_PROPERTY, String.class).map(DurationConverter::parseDuration)
                        .orElse(defaults.server()),
                config.getOptionalValue(CA_PROPERTY, String.class).map(DurationConverter::parseDuration)
                        .orElse(defaults.ca()));
    }

    /** When a certificate is due for renewal: a third of its lifetime before it expires. */
    public static Instant renewalTime(X509Certificate certificate) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        return notAfter.minus(Duration.between(notBefore, notAfter).dividedBy(3));
    }

    public static boolean dueForRenewal(X509Certificate certificate, Instant now) {
        return !now.isBefore(renewalTime(certificate));
    }
}
