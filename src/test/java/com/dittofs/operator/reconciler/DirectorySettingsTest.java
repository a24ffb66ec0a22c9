package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.LdapSpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.junit.jupiter.api.Test;

class DirectorySettingsTest {

    private static DittoServer server(boolean enabled, boolean ca) {
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        LdapSpec ldap = new LdapSpec();
        ldap.setEnabled(enabled);
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

    private static Secret secret(String name, String key, String value) {
        return new SecretBuilder().withNewMetadata().withName(name).endMetadata()
                .addToData(key, Base64.getEncoder().encodeToString(value.getBytes())).build();
    }

    @Test
    void anEnabledDirectoryWithItsPasswordAndDfsDefaults() {
        var desired = DirectorySettings.desired(server(true, true), Map.of(
                "ldap-bind", secret("ldap-bind", "password", "s3cret"),
                "example-ca", secret("example-ca", "root.pem", "PEM")));
        assertThat(desired.missing()).isNull();
        assertThat(desired.bindPassword()).isEqualTo("s3cret");
        assertThat(desired.ldap().enabled()).isTrue();
        assertThat(desired.ldap().userAttr()).isEqualTo("sAMAccountName");
        assertThat(desired.ldap().idmap()).isEqualTo("rfc2307");
        assertThat(desired.ldap().tls().caCertFile()).isEqualTo("/identity/ldap-ca/ca.crt");
        assertThat(desired.toString()).doesNotContain("s3cret");
        assertThat(DirectorySettings.secretNames(server(true, true))).containsExactly("example-ca", "ldap-bind");
    }

    @Test
    void aMissingSecretOrKeyIsNamed() {
        assertThat(DirectorySettings.desired(server(true, false), Map.of()).missing())
                .isEqualTo("Secret \"ldap-bind\" (key \"password\", spec.identity.ldap.bindPasswordSecretRef)"
                        + " not found");
        assertThat(DirectorySettings.desired(server(true, false),
                Map.of("ldap-bind", secret("ldap-bind", "other", "x"))).missing())
                .isEqualTo("Secret \"ldap-bind\" (spec.identity.ldap.bindPasswordSecretRef) has no key \"password\"");
        assertThat(DirectorySettings.desired(server(true, true),
                Map.of("ldap-bind", secret("ldap-bind", "password", "s3cret"))).missing())
                .contains("example-ca").contains("caSecretRef");
    }

    @Test
    void aDisabledOrAbsentDirectoryIsNoneAndWatchesNothing() {
        assertThat(DirectorySettings.desired(server(false, true), Map.of()).ldap()).isNull();
        assertThat(DirectorySettings.secretNames(server(false, true))).isEmpty();
        assertThat(DirectorySettings.desired(Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml"), Map.of()).ldap())
                .isNull();
    }
}
