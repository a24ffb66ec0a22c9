package com.dittofs.operator.reconciler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
import com.dittofs.operator.api.v1alpha1.MachineAccountSpec;
import com.dittofs.operator.dataplane.DesiredKerberos;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * spec.identity.kerberos as dfs's REST API takes it. The keytab and krb5.conf are the pod's (mounted); the machine
 * account's password is watched like the pod's Secrets but reaches dfs through the API only.
 */
final class KerberosSettings {

    private static final String SECRET_FIELD = "spec.identity.kerberos.machineAccount.secretRef";

    private KerberosSettings() {
    }

    static Set<String> secretNames(DittoServer server) {
        return machineAccount(server).map(m -> Set.of(m.getSecretRef().getName())).orElse(Set.of());
    }

    /** Null when the spec turns Kerberos off (or has none). */
    static DesiredKerberos desired(DittoServer server, Map<String, Secret> found) {
        var enabled = KerberosSpec.enabledIn(server.getSpec());
        if (enabled.isEmpty()) {
            return null;
        }
        KerberosSpec k = enabled.get();
        DesiredKerberos.MachineAccount account = null;
        String missing = null;
        var machine = machineAccount(server);
        if (machine.isPresent()) {
            var ref = machine.get().getSecretRef();
            Secret secret = found.get(ref.getName());
            String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(ref.getKey());
            if (secret == null) {
                missing = "Secret \"" + ref.getName() + "\" (key \"" + ref.getKey() + "\", " + SECRET_FIELD
                        + ") not found";
            } else if (encoded == null) {
                missing = "Secret \"" + ref.getName() + "\" (" + SECRET_FIELD + ") has no key \"" + ref.getKey() + "\"";
            } else {
                account = new DesiredKerberos.MachineAccount(machine.get().getAccountName(),
                        machine.get().getDcAddress(),
                        new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            }
        }
        return new DesiredKerberos(k.getServicePrincipal(), k.getRealm(), k.getNetbiosDomain(), k.getDnsDomain(),
                Names.KEYTAB_FILE, Names.KRB5_CONF_FILE, account, missing);
    }

    private static java.util.Optional<MachineAccountSpec> machineAccount(DittoServer server) {
        return KerberosSpec.enabledIn(server.getSpec()).map(KerberosSpec::getMachineAccount)
                .filter(MachineAccountSpec::isEnabled);
    }
}
