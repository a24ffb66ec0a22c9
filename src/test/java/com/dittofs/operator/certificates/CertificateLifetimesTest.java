package com.dittofs.operator.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lifetimes are read in Quarkus's duration format, as every other duration of the operator's settings. */
class CertificateLifetimesTest {

    @AfterEach
    void clear() {
        System.clearProperty(CertificateLifetimes.SERVER_PROPERTY);
        System.clearProperty(CertificateLifetimes.CA_PROPERTY);
    }

    @Test
    void shortFormsAndIso8601AreRead() {
        System.setProperty(CertificateLifetimes.SERVER_PROPERTY, "90s");
        System.setProperty(CertificateLifetimes.CA_PROPERTY, "P365D");
        assertThat(CertificateLifetimes.configured())
                .isEqualTo(new CertificateLifetimes(Duration.ofSeconds(90), Duration.ofDays(365)));
    }

    @Test
    void unsetAreTheDefaults() {
        assertThat(CertificateLifetimes.configured()).isEqualTo(CertificateLifetimes.defaults());
    }
}
