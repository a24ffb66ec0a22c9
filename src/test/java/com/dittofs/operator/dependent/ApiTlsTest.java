package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IssuerRef;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.fixtures.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** spec.controlPlane.tls: the rendered config, the pod, the pod inputs and the cert-manager Certificate. */
class ApiTlsTest {

    private static final Map<String, String> CERTIFICATE = Map.of("tls.crt", "CERT", "tls.key", "KEY", "ca.crt", "CA");

    private static DittoServer withTls(String minVersion, IssuerRef issuer) {
        DittoServer server = Fixtures.basic();
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setSecretName("api-tls");
        tls.setMinVersion(minVersion);
        tls.setIssuerRef(issuer);
        server.getSpec().getControlPlane().setTls(tls);
        return server;
    }

    private static Container dfs(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String hash(StatefulSet sts) {
        return sts.getSpec().getTemplate().getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
    }

    private static StatefulSet build(DittoServer server, Map<String, String> certificate) {
        Secret secret = Fixtures.secret("api-tls", certificate);
        return StatefulSetDependent.build(server, Fixtures.inputs(server, secret), Optional.empty());
    }

    @SuppressWarnings("unchecked")
    @Test
    void rendersTheMountedCertificateIntoControlplaneTls() throws Exception {
        Map<String, Object> config = new ObjectMapper(new YAMLFactory())
                .readValue(DfsConfigRenderer.render(withTls("1.3", null).getSpec()), Map.class);
        assertThat(config.get("controlplane")).isEqualTo(Map.of("host", "0.0.0.0", "port", 8080, "tls",
                Map.of("cert_file", "/tls/tls.crt", "key_file", "/tls/tls.key", "min_version", "1.3")));
        Map<String, Object> noMinimum = new ObjectMapper(new YAMLFactory())
                .readValue(DfsConfigRenderer.render(withTls(null, null).getSpec()), Map.class);
        assertThat((Map<String, Object>) ((Map<String, Object>) noMinimum.get("controlplane")).get("tls"))
                .containsOnlyKeys("cert_file", "key_file");
        assertThat(DfsConfigRenderer.render(Fixtures.basic().getSpec())).as("HTTPS by default")
                .contains("cert_file: /tls/tls.crt");
        assertThat(DfsConfigRenderer.render(plain().getSpec())).doesNotContain("tls");
    }

    private static DittoServer plain() {
        DittoServer server = Fixtures.basic();
        ControlPlaneTlsSpec tls = new ControlPlaneTlsSpec();
        tls.setMode(com.dittofs.operator.api.v1alpha1.TlsMode.DISABLED);
        server.getSpec().getControlPlane().setTls(tls);
        return server;
    }

    @Test
    void byDefaultTheOperatorsOwnCertificateSecretIsMountedAndRequired() {
        DittoServer server = Fixtures.basic();
        StatefulSet sts = StatefulSetDependent.build(server, Fixtures.inputs(server), Optional.empty());
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> "tls".equals(v.getName()))
                .singleElement().satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("my-dittofs-api-tls"));
        assertThat(dfs(sts).getLivenessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(com.dittofs.operator.dfsconfig.PodEnvironment.tlsBindings(server)).allSatisfy(b -> {
            assertThat(b.generated()).isTrue();
            assertThat(b.required()).isTrue();
            assertThat(b.mounted()).isTrue();
        });
        var missing = com.dittofs.operator.dependent.PodInputs.of(server, name -> Optional.empty());
        assertThat(missing.secrets().problems()).anySatisfy(p -> assertThat(p).contains("my-dittofs-api-tls"));
    }

    @Test
    void mountsTheWholeSecretReadOnlyAndProbesSpeakHttps() {
        StatefulSet sts = build(withTls(null, null), CERTIFICATE);
        Volume volume = sts.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> "tls".equals(v.getName())).findFirst().orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo("api-tls");
        assertThat(volume.getSecret().getItems()).as("no items: a rotation must reach the files").isNullOrEmpty();
        assertThat(dfs(sts).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("tls");
            assertThat(m.getMountPath()).isEqualTo("/tls");
            assertThat(m.getReadOnly()).isTrue();
            assertThat(m.getSubPath()).isNull();
        });
        for (Probe probe : List.of(dfs(sts).getStartupProbe(), dfs(sts).getLivenessProbe(),
                dfs(sts).getReadinessProbe())) {
            assertThat(probe.getHttpGet().getScheme()).isEqualTo("HTTPS");
        }
        assertThat(dfs(sts).getEnv()).as("the certificate is a file, not a variable")
                .noneMatch(e -> e.getValueFrom() != null && "api-tls".equals(
                        e.getValueFrom().getSecretKeyRef().getName()));
    }

    @Test
    void withTlsDisabledNothingIsMountedAndProbesSpeakHttp() {
        StatefulSet sts = StatefulSetDependent.build(plain(), Fixtures.inputs(plain()), Optional.empty());
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes()).extracting(Volume::getName)
                .containsExactly("config", "tmp");
        assertThat(dfs(sts).getLivenessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
    }

    @Test
    void aRotatedCertificateDoesNotRollThePodBecauseDfsReloadsIt() {
        DittoServer server = withTls(null, null);
        String before = hash(build(server, CERTIFICATE));
        String after = hash(build(server, Map.of("tls.crt", "CERT2", "tls.key", "KEY2", "ca.crt", "CA2")));
        assertThat(after).isEqualTo(before);
        assertThat(hash(build(withTls("1.3", null), CERTIFICATE))).as("the config changed").isNotEqualTo(before);
    }

    @Test
    void aMissingSecretOrKeyIsAProblemNamingTheField() {
        DittoServer server = withTls(null, null);
        assertThat(Fixtures.inputs(server).secrets().problems())
                .containsExactly("Secret \"api-tls\" (spec.controlPlane.tls.secretName) not found");
        assertThat(Fixtures.inputs(server, Fixtures.secret("api-tls", Map.of("tls.crt", "CERT"))).secrets().problems())
                .containsExactly("Secret \"api-tls\" (spec.controlPlane.tls.secretName) has no key \"tls.key\"");
        assertThat(Fixtures.inputs(server, Fixtures.secret("api-tls", Map.of("tls.crt", "C", "tls.key", "K")))
                .secrets().complete()).as("ca.crt is optional").isTrue();
        IssuerRef issuer = new IssuerRef();
        issuer.setName("ca-issuer");
        assertThat(Fixtures.inputs(withTls(null, issuer)).secrets().problems()).containsExactly("Secret \"api-tls\""
                + " (spec.controlPlane.tls.secretName, issued by cert-manager for the Certificate my-dittofs-api)"
                + " not found");
    }

    @SuppressWarnings("unchecked")
    @Test
    void certificateNamesEveryServiceNameAndWritesTheSecretWithTheWatchLabel() {
        IssuerRef issuer = new IssuerRef();
        issuer.setName("cluster-ca");
        issuer.setKind("ClusterIssuer");
        DittoServer server = withTls(null, issuer);
        CertManagerCertificate certificate = ApiCertificateDependent.build(server);
        String ns = server.getMetadata().getNamespace();
        assertThat(certificate.getApiVersion()).isEqualTo("cert-manager.io/v1");
        assertThat(certificate.getMetadata().getName()).isEqualTo("my-dittofs-api");
        Map<String, Object> spec = (Map<String, Object>) certificate.getAdditionalProperties().get("spec");
        assertThat(spec.get("secretName")).isEqualTo("api-tls");
        assertThat((List<String>) spec.get("dnsNames")).containsExactly("my-dittofs-api", "my-dittofs-api." + ns,
                "my-dittofs-api." + ns + ".svc", "my-dittofs-api." + ns + ".svc.cluster.local");
        assertThat(spec.get("issuerRef"))
                .isEqualTo(Map.of("name", "cluster-ca", "kind", "ClusterIssuer", "group", "cert-manager.io"));
        assertThat(spec.get("secretTemplate"))
                .isEqualTo(Map.of("labels", Map.of("dittofs.dittofs.com/watched", "true")));
        assertThat((List<String>) spec.get("usages")).contains("server auth");
    }
}
