package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.api.Test;

/** What spec.identity.kerberos puts into the pod, and which of its changes restart it. */
class KerberosPodTest {

    private static DittoServer server() {
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        KerberosSpec kerberos = new KerberosSpec();
        kerberos.setEnabled(true);
        kerberos.setServicePrincipal("cifs/files.example.com@EXAMPLE.COM");
        kerberos.setKeytabSecretRef(new SecretKeySelector("dfs.keytab", "krb", null));
        kerberos.setKrb5ConfSecretRef(new SecretKeySelector("krb5.conf", "krb", null));
        server.getSpec().setIdentity(new IdentitySpec());
        server.getSpec().getIdentity().setKerberos(kerberos);
        return server;
    }

    private static Optional<Secret> krb(String keytab, String conf) {
        return Optional.of(new SecretBuilder().withNewMetadata().withName("krb").endMetadata()
                .addToData("dfs.keytab", Base64.getEncoder().encodeToString(keytab.getBytes()))
                .addToData("krb5.conf", Base64.getEncoder().encodeToString(conf.getBytes())).build());
    }

    private static String hash(DittoServer server, Optional<Secret> krb) {
        Map<String, Secret> generated = Map.of();
        return PodInputs.of(server, name -> "krb".equals(name) ? krb : Optional.ofNullable(generated.get(name))
                .or(() -> Optional.of(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
                        .addToData("secret", "eA==").addToData("password", "eA==").addToData("tls.crt", "eA==")
                        .addToData("tls.key", "eA==").addToData("ca.crt", "eA==").build()))).hash();
    }

    @Test
    void theKeytabAndKrb5ConfAreFilesOfFixedNames() {
        DittoServer server = server();
        assertThat(PodTemplates.volumes(server)).filteredOn(v -> v.getName().startsWith("krb5-"))
                .extracting(v -> v.getSecret().getItems().get(0).getKey() + "->" + v.getSecret().getItems().get(0)
                        .getPath())
                .containsExactly("dfs.keytab->keytab", "krb5.conf->krb5.conf");
        assertThat(PodTemplates.volumes(server)).filteredOn(v -> v.getName().startsWith("krb5-"))
                .extracting(Volume::getSecret).allSatisfy(s -> assertThat(s.getOptional()).isNull());
        assertThat(DfsConfigRenderer.render(server.getSpec())).contains("""
                kerberos:
                  enabled: true
                  keytab_path: /identity/kerberos/keytab
                  krb5_conf: /identity/krb5/krb5.conf
                  service_principal: cifs/files.example.com@EXAMPLE.COM
                """);
    }

    @Test
    void aNewKeytabIsReloadedInPlaceAndANewKrb5ConfRestarts() {
        DittoServer server = server();
        String before = hash(server, krb("keytab-1", "conf-1"));
        assertThat(hash(server, krb("keytab-2", "conf-1"))).isEqualTo(before);
        assertThat(hash(server, krb("keytab-1", "conf-2"))).isNotEqualTo(before);
    }

    @Test
    void anEditedPolicyRestartsOnceThroughTheApiNotByRollingThePod() {
        DittoServer server = server();
        String before = hash(server, krb("keytab-1", "conf-1"));
        KerberosSpec k = server.getSpec().getIdentity().getKerberos();
        k.setServicePrincipal("cifs/other.example.com@EXAMPLE.COM");
        k.setRealm("EXAMPLE.COM");
        k.setNetbiosDomain("EXAMPLE");
        k.setDnsDomain("example.com");
        assertThat(hash(server, krb("keytab-1", "conf-1"))).as("dfs reads these from its database")
                .isEqualTo(before);
        assertThat(DfsConfigRenderer.render(server.getSpec())).as("still seeded on first boot")
                .contains("service_principal: cifs/other.example.com@EXAMPLE.COM").contains("netbios_domain: EXAMPLE");
        k.setEnabled(false);
        assertThat(hash(server, krb("keytab-1", "conf-1"))).as("turning Kerberos off changes the pod")
                .isNotEqualTo(before);
    }

    @Test
    void aMissingKeytabSecretHoldsThePodBack() {
        var inputs = PodInputs.of(server(), name -> Optional.empty());
        assertThat(inputs.secrets().problems()).anyMatch(p -> p.contains("\"krb\"")
                && p.contains("spec.identity.kerberos.keytabSecretRef"));
    }
}
