package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.LdapSpec;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.api.Test;

/** What spec.identity.ldap puts into the pod: its CA as a file, never the bind password. */
class IdentityVolumesTest {

    private static DittoServer withLdap(boolean ca) {
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        LdapSpec ldap = new LdapSpec();
        ldap.setEnabled(true);
        ldap.setUrl("ldaps://dc.example.com");
        ldap.setBaseDN("DC=example,DC=com");
        ldap.setBindDN("CN=svc,DC=example,DC=com");
        ldap.setBindPasswordSecretRef(new SecretKeySelector("password", "ldap-bind", null));
        if (ca) {
            ldap.setCaSecretRef(new SecretKeySelector("root.pem", "example-ca", null));
        }
        server.getSpec().setIdentity(new IdentitySpec());
        server.getSpec().getIdentity().setLdap(ldap);
        return server;
    }

    @Test
    void theCaIsAnOptionalSecretVolumeWithItsKeyAsCaCrt() {
        DittoServer server = withLdap(true);
        Volume ca = PodTemplates.volumes(server).stream().filter(v -> "ldap-ca".equals(v.getName())).findFirst()
                .orElseThrow();
        assertThat(ca.getSecret().getSecretName()).isEqualTo("example-ca");
        assertThat(ca.getSecret().getOptional()).isTrue();
        assertThat(ca.getSecret().getItems()).singleElement().satisfies(item -> {
            assertThat(item.getKey()).isEqualTo("root.pem");
            assertThat(item.getPath()).isEqualTo("ca.crt");
        });
        assertThat(PodTemplates.mounts(server.getSpec())).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("ldap-ca");
            assertThat(m.getMountPath()).isEqualTo("/identity/ldap-ca");
            assertThat(m.getSubPath()).isNull();
        });
    }

    @Test
    void withoutCaNoVolume() {
        assertThat(PodTemplates.volumes(withLdap(false))).extracting(Volume::getName).doesNotContain("ldap-ca");
    }

    @Test
    void theBindPasswordReachesNeitherThePodNorItsConfig() {
        DittoServer server = withLdap(true);
        assertThat(PodEnvironment.secretBindings(server)).noneMatch(b -> "ldap-bind".equals(b.secret()));
        assertThat(DfsConfigRenderer.render(server.getSpec())).doesNotContain("ldap");
    }
}
