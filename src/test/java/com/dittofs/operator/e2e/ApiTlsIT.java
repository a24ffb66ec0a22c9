package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IssuerRef;
import com.dittofs.operator.contract.TestCertificates;
import com.dittofs.operator.dependent.CertManagerCertificate;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The REST API over HTTPS on the real control plane with the real dfs: once cert-manager's Certificate CRD is
 * installed (after the server: no restart needed), spec.controlPlane.tls.issuerRef makes the operator create a
 * Certificate for the -api Service; until its Secret
 * exists the server says so (SecretMissing); the test then plays cert-manager (writes the kubernetes.io/tls Secret)
 * and the kubelet (runs dfs with the Secret volume's files). The operator converges the data plane over HTTPS,
 * verifying dfs with ca.crt; a ca.crt that does not sign the served certificate stops it, and a renewed certificate
 * from a new CA is picked up by dfs in place: the pod is never replaced.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class ApiTlsIT extends E2E {

    static void installCertManagerCrd() throws Exception {
        try (InputStream in = ApiTlsIT.class.getResourceAsStream("/crds/certificates.cert-manager.io-minimal.yaml")) {
            CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
            admin.resource(crd).forceConflicts().serverSideApply();
        }
        OperatorUnderTest.awaitEstablished(admin, CertManagerCertificate.CRD_NAME);
    }

    private static GenericKubernetesResource certificate(String name) {
        return admin.genericKubernetesResources("cert-manager.io/v1", "Certificate").inNamespace(namespace)
                .withName(name).get();
    }

    /** What cert-manager's CA issuer writes: the Secret named by the Certificate, with its secretTemplate labels. */
    @SuppressWarnings("unchecked")
    private static void issue(GenericKubernetesResource certificate, TestCertificates.Ca ca) {
        Map<String, Object> spec = (Map<String, Object>) certificate.getAdditionalProperties().get("spec");
        List<String> dnsNames = (List<String>) spec.get("dnsNames");
        Map<String, String> labels = (Map<String, String>) ((Map<String, Object>) spec.get("secretTemplate"))
                .get("labels");
        Secret secret = new SecretBuilder().withNewMetadata().withName((String) spec.get("secretName"))
                .withNamespace(namespace).withLabels(labels).endMetadata()
                .withType("kubernetes.io/tls")
                .withStringData(ca.issue(dnsNames.toArray(String[]::new)))
                .build();
        admin.secrets().resource(secret).forceConflicts().serverSideApply();
    }

    private static boolean dataPlane(String name, String status) {
        return conditionIs(name, "DataPlaneReady", status);
    }

    private static boolean crdInstalled() {
        return admin.apiextensions().v1().customResourceDefinitions().withName(CertManagerCertificate.CRD_NAME)
                .get() != null;
    }

    @Test
    void dataPlaneOverHttpsWithACertificateFromCertManager() throws Exception {
        if (crdInstalled()) { // a kept cluster (KEEP_CLUSTER=1) from an earlier run
            admin.apiextensions().v1().customResourceDefinitions().withName(CertManagerCertificate.CRD_NAME).delete();
            await().atMost(TIMEOUT).until(() -> !crdInstalled());
        }
        DittoServer server = Fixtures.basic();
        String name = server.getMetadata().getName();
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setSecretName(name + "-api-tls");
        IssuerRef issuer = new IssuerRef();
        issuer.setName("test-ca");
        tls.setIssuerRef(issuer);
        server.getSpec().getControlPlane().setTls(tls);
        create(server);

        // Without cert-manager there is no Certificate, and the server says which Secret it waits for.
        await().atMost(TIMEOUT).until(() -> condition(name, "Ready")
                .map(c -> "SecretMissing".equals(c.getReason())).orElse(false));

        // cert-manager installed later is picked up without restarting the operator: the Certificate is created;
        // until cert-manager writes its Secret, the server waits and says why.
        installCertManagerCrd();
        await().atMost(TIMEOUT).until(() -> certificate(name + "-api") != null);
        await().atMost(TIMEOUT).until(() -> condition(name, "Ready")
                .map(c -> "SecretMissing".equals(c.getReason()) && c.getMessage().contains(name + "-api-tls"))
                .orElse(false));
        assertThat(admin.apps().statefulSets().inNamespace(namespace).withName(name).get()).isNull();

        TestCertificates.Ca ca = TestCertificates.ca("e2e-ca");
        issue(certificate(name + "-api"), ca);
        awaitPodIp(name + "-0");
        var container = admin.pods().inNamespace(namespace).withName(name + "-0").get().getSpec().getContainers()
                .get(0);
        assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        dfs = Kubelet.run(admin, namespace, name + "-0");
        assertThat(dfs.apiUri().getScheme()).isEqualTo("https");

        long start = System.nanoTime();
        awaitReady(name);
        assertThat(condition(name, "DataPlaneReady")).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("Converged"));
        System.out.println("TLS data plane converged over HTTPS " + Faults.seconds(Faults.since(start))
                + " after dfs started");
        assertThat(get(name).getStatus().getEndpoints().getApi())
                .isEqualTo("https://" + name + "-api." + namespace + ".svc:8080");
        String podUid = admin.pods().inNamespace(namespace).withName(name + "-0").get().getMetadata().getUid();

        // A ca.crt that did not sign the served certificate: the operator refuses to talk to dfs.
        TestCertificates.Ca stranger = TestCertificates.ca("stranger-ca");
        admin.secrets().inNamespace(namespace).withName(name + "-api-tls").edit(s -> {
            s.getData().put("ca.crt", java.util.Base64.getEncoder().encodeToString(stranger.pem().getBytes()));
            return s;
        });
        await().atMost(TIMEOUT).until(() -> dataPlane(name, "False"));
        assertThat(condition(name, "DataPlaneReady")).get().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("TlsNotTrusted");
            assertThat(c.getMessage()).contains("not signed by a CA the operator trusts");
        });
        assertThat(condition(name, "Ready")).get().satisfies(c -> assertThat(c.getReason())
                .isEqualTo("DataPlaneNotReady"));

        // cert-manager renews from a new CA; the kubelet refreshes the volume; dfs reloads; no pod is replaced.
        TestCertificates.Ca renewed = TestCertificates.ca("e2e-ca-2");
        issue(certificate(name + "-api"), renewed);
        Kubelet.refreshSecretVolumes(admin, namespace, name + "-0", dfs);
        long rotated = System.nanoTime();
        await().atMost(TIMEOUT).until(() -> dataPlane(name, "True") && conditionIs(name, "Ready", "True"));
        System.out.println("TLS rotation picked up in " + Faults.seconds(Faults.since(rotated)));
        assertThat(dfs.alive()).isTrue();
        assertThat(admin.pods().inNamespace(namespace).withName(name + "-0").get().getMetadata().getUid())
                .as("a renewed certificate never replaces the pod").isEqualTo(podUid);
        assertThat(admin.v1().events().inNamespace(namespace).list().getItems())
                .noneMatch(e -> "RollingUpdate".equals(e.getReason()));
    }

    @Test
    void badTlsSettingsAreRejectedAtAdmissionNamingTheField() {
        DittoServer issuerWithoutSecret = Fixtures.basic();
        issuerWithoutSecret.getMetadata().setName("tls-issuer-no-secret");
        ControlPlaneTlsSpec noSecret = new ControlPlaneTlsSpec();
        IssuerRef someIssuer = new IssuerRef();
        someIssuer.setName("test-ca");
        noSecret.setIssuerRef(someIssuer);
        issuerWithoutSecret.getSpec().getControlPlane().setTls(noSecret);
        assertThat(catchThrowableOfType(KubernetesClientException.class, () -> create(issuerWithoutSecret))
                .getMessage()).contains("spec.controlPlane.tls", "issuerRef needs secretName");

        DittoServer disabledWithSecret = Fixtures.basic();
        disabledWithSecret.getMetadata().setName("tls-disabled-secret");
        ControlPlaneTlsSpec contradiction = new ControlPlaneTlsSpec();
        contradiction.setMode(com.dittofs.operator.api.v1alpha1.TlsMode.DISABLED);
        contradiction.setSecretName("api-tls");
        disabledWithSecret.getSpec().getControlPlane().setTls(contradiction);
        assertThat(catchThrowableOfType(KubernetesClientException.class, () -> create(disabledWithSecret))
                .getMessage()).contains("spec.controlPlane.tls", "mode Disabled serves plain HTTP");

        DittoServer oldTls = Fixtures.basic();
        oldTls.getMetadata().setName("tls-old-version");
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setSecretName("api-tls");
        tls.setMinVersion("1.1");
        oldTls.getSpec().getControlPlane().setTls(tls);
        assertThat(catchThrowableOfType(KubernetesClientException.class, () -> create(oldTls)).getMessage())
                .contains("spec.controlPlane.tls.minVersion");

        DittoServer noIssuerName = Fixtures.basic();
        noIssuerName.getMetadata().setName("tls-no-issuer-name");
        ControlPlaneTlsSpec issued = new ControlPlaneTlsSpec();
        issued.setSecretName("api-tls");
        issued.setIssuerRef(new IssuerRef());
        noIssuerName.getSpec().getControlPlane().setTls(issued);
        assertThat(catchThrowableOfType(KubernetesClientException.class, () -> create(noIssuerName)).getMessage())
                .contains("spec.controlPlane.tls.issuerRef.name");
    }
}
