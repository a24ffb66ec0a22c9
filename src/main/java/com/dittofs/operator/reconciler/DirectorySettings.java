package com.dittofs.operator.reconciler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdmapMode;
import com.dittofs.operator.api.v1alpha1.LdapSpec;
import com.dittofs.operator.dataplane.DesiredIdentity;
import com.dittofs.operator.dfsclient.LdapProviderConfig;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * spec.identity.ldap as dfs's REST API takes it. Its Secrets are watched like the pod's (a rotation reconciles at
 * once), but the bind password never reaches the pod: dfs keeps it in its database, set through the API.
 */
final class DirectorySettings {

    /** dfs's defaults, applied here so that the comparison with what dfs shows is stable. */
    static final String DEFAULT_USER_ATTR = "sAMAccountName";

    private DirectorySettings() {
    }

    /** The bind password's and the CA's Secrets, when the directory is declared (enabled or not). */
    static Set<String> secretNames(DittoServer server) {
        Set<String> names = new TreeSet<>();
        LdapSpec ldap = server.getSpec().getIdentity() == null ? null : server.getSpec().getIdentity().getLdap();
        if (ldap != null && ldap.isEnabled()) {
            names.add(ldap.getBindPasswordSecretRef().getName());
            if (ldap.getCaSecretRef() != null) {
                names.add(ldap.getCaSecretRef().getName());
            }
        }
        return names;
    }

    static DesiredIdentity desired(DittoServer server, Map<String, Secret> found) {
        var enabled = LdapSpec.enabledIn(server.getSpec());
        if (enabled.isEmpty()) {
            return DesiredIdentity.none();
        }
        LdapSpec ldap = enabled.get();
        var config = new LdapProviderConfig(true, ldap.getUrl(), ldap.isStartTLS(), ldap.isAllowPlaintext(),
                ldap.getBaseDN(), ldap.getBindDN(), null,
                ldap.getUserAttr() == null ? DEFAULT_USER_ATTR : ldap.getUserAttr(), ldap.getRealm(),
                (ldap.getIdmap() == null ? IdmapMode.RFC2307 : ldap.getIdmap()).wire(), ldap.isNestedGroups(),
                new LdapProviderConfig.Tls(ldap.getCaSecretRef() == null ? null : Names.LDAP_CA_FILE,
                        ldap.isInsecureSkipVerify()));
        if (ldap.getCaSecretRef() != null) {
            String missing = missing(ldap.getCaSecretRef(), "spec.identity.ldap.caSecretRef", found);
            if (missing != null) {
                return new DesiredIdentity(config, null, missing);
            }
        }
        SecretKeySelector ref = ldap.getBindPasswordSecretRef();
        String missing = missing(ref, "spec.identity.ldap.bindPasswordSecretRef", found);
        if (missing != null) {
            return new DesiredIdentity(config, null, missing);
        }
        String password = new String(Base64.getDecoder().decode(found.get(ref.getName()).getData().get(ref.getKey())),
                StandardCharsets.UTF_8);
        if (password.isEmpty()) {
            return new DesiredIdentity(config, null, "Secret \"" + ref.getName() + "\" key \"" + ref.getKey()
                    + "\" (spec.identity.ldap.bindPasswordSecretRef) is empty: dfs refuses an anonymous bind");
        }
        return new DesiredIdentity(config, password, null);
    }

    private static String missing(SecretKeySelector ref, String field, Map<String, Secret> found) {
        Secret secret = found.get(ref.getName());
        if (secret == null) {
            return "Secret \"" + ref.getName() + "\" (key \"" + ref.getKey() + "\", " + field + ") not found";
        }
        if (secret.getData() == null || !secret.getData().containsKey(ref.getKey())) {
            return "Secret \"" + ref.getName() + "\" (" + field + ") has no key \"" + ref.getKey() + "\"";
        }
        return null;
    }
}
