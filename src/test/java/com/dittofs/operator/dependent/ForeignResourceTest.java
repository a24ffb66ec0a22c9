package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

/** The types of other operators' resources address what their CRDs define. */
class ForeignResourceTest {

    @Test
    void certificateIsCertManagers() {
        CertManagerCertificate certificate = new CertManagerCertificate();
        assertThat(certificate.getApiVersion()).isEqualTo("cert-manager.io/v1");
        assertThat(certificate.getKind()).isEqualTo("Certificate");
        assertThat(HasMetadata.getFullResourceName(CertManagerCertificate.class))
                .isEqualTo(CertManagerCertificate.CRD_NAME);
    }

    @Test
    void serviceMonitorIsThePrometheusOperators() {
        ServiceMonitor monitor = new ServiceMonitor();
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
        assertThat(HasMetadata.getFullResourceName(ServiceMonitor.class)).isEqualTo(ServiceMonitor.CRD_NAME);
    }
}
