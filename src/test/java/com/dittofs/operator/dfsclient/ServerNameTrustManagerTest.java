package com.dittofs.operator.dfsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import com.dittofs.operator.contract.TestCertificates;
import org.junit.jupiter.api.Test;

/** Chain against the CA, name against the -api Service, whatever address was connected to. */
class ServerNameTrustManagerTest {

    private static final String SERVICE = "my-dittofs-api.default.svc";
    private static final TestCertificates.Ca CA = TestCertificates.ca("unit-ca");

    private static X509Certificate[] chain(String pem) throws Exception {
        return new X509Certificate[] {(X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))};
    }

    @Test
    void acceptsTheServiceNameFromTheTrustedCa() throws Exception {
        var manager = new DfsTls(CA.pem(), SERVICE).trustManager();
        manager.checkServerTrusted(chain(CA.issue("my-dittofs-api", SERVICE).get("tls.crt")), "ECDHE_ECDSA");
        manager.checkServerTrusted(chain(CA.issue("*.default.svc").get("tls.crt")), "ECDHE_ECDSA");
    }

    @Test
    void refusesAnotherCaAnotherNameAndWildcardsBeyondOneLabel() throws Exception {
        var manager = new DfsTls(CA.pem(), SERVICE).trustManager();
        String stranger = TestCertificates.ca("stranger").issue(SERVICE).get("tls.crt");
        assertThatThrownBy(() -> manager.checkServerTrusted(chain(stranger), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> manager.checkServerTrusted(chain(CA.issue("other-api.default.svc")
                .get("tls.crt")), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessage("The certificate of dfs is not valid for " + SERVICE + " (it names other-api.default.svc)");
        assertThatThrownBy(() -> manager.checkServerTrusted(chain(CA.issue("*.svc").get("tls.crt")), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void withoutCaTheJvmsPublicCasDecide() throws Exception {
        var manager = new DfsTls(null, SERVICE).trustManager();
        assertThat(manager.getAcceptedIssuers()).isNotEmpty();
        assertThatThrownBy(() -> manager.checkServerTrusted(chain(CA.issue(SERVICE).get("tls.crt")), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void aCaWithoutCertificateIsAClearError() {
        assertThatThrownBy(() -> new DfsTls("not a certificate", SERVICE).trustManager())
                .isInstanceOf(DfsTls.UnusableCaException.class)
                .hasMessageStartingWith("The CA certificate to verify " + SERVICE + " with cannot be used (")
                .hasMessageEndingWith("): fix ca.crt in the certificate Secret");
    }
}
