package com.dittofs.operator.dfsclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.dittofs.operator.contract.TestCertificates;
import org.junit.jupiter.api.Test;

/** Which check names the server: the JDK's own wherever the operator connects by the certificate's name. */
class DfsTlsConfigurationTest {

    private final DfsTls tls = new DfsTls(TestCertificates.ca("unit-ca").pem(), "my-dittofs-api.files.svc");

    @Test
    void byTheServiceNameTheJdksHttpsEndpointIdentificationChecksIt() {
        DfsTlsConfiguration configuration = new DfsTlsConfiguration(tls,
                URI.create("https://my-dittofs-api.files.svc:8080"));
        assertThat(configuration.getHostnameVerificationAlgorithm()).contains("HTTPS");
        assertThat(configuration.isTrustAll()).isFalse();
    }

    @Test
    void onAPodIpTheServiceNameIsCheckedByTheTrustManager() {
        DfsTlsConfiguration configuration = new DfsTlsConfiguration(tls, URI.create("https://10.0.0.7:8080"));
        assertThat(configuration.getHostnameVerificationAlgorithm()).contains("NONE");
        assertThat(configuration.isTrustAll()).isFalse();
    }
}
