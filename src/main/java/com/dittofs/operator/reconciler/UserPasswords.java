package com.dittofs.operator.reconciler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.dataplane.DesiredAccess.Password;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The declared users' passwords, read from their Secrets. These Secrets are watched like the pod's (a rotation
 * reconciles at once) but never reach the pod: a new password is set through the REST API, without a restart.
 */
final class UserPasswords {

    /** dfs hashes passwords with bcrypt: it refuses fewer than 8 and more than 72 bytes. */
    static final int MIN_BYTES = 8;
    static final int MAX_BYTES = 72;

    private UserPasswords() {
    }

    /** The password Secrets of the users declared present: an absent user's Secret is neither read nor watched. */
    static Set<String> secretNames(DittoServer server) {
        Set<String> names = new TreeSet<>();
        present(server).forEach(u -> names.add(u.getPasswordSecretRef().getName()));
        return names;
    }

    /** Each present user's password, or why there is none (naming the Secret and key, never a value). */
    static Map<String, Password> resolve(DittoServer server, Map<String, Secret> found) {
        Map<String, Password> passwords = new LinkedHashMap<>();
        present(server).forEach(u -> passwords.put(u.getName(), password(u, found)));
        return passwords;
    }

    private static java.util.stream.Stream<UserSpec> present(DittoServer server) {
        return server.getSpec().getUsers() == null ? java.util.stream.Stream.empty()
                : server.getSpec().getUsers().stream()
                        .filter(u -> !Ensure.absent(u.getEnsure()) && u.getPasswordSecretRef() != null);
    }

    private static Password password(UserSpec user, Map<String, Secret> found) {
        var ref = user.getPasswordSecretRef();
        String field = "spec.users[" + user.getName() + "].passwordSecretRef";
        Secret secret = found.get(ref.getName());
        if (secret == null) {
            return Password.missing("Secret \"" + ref.getName() + "\" (key \"" + ref.getKey() + "\", " + field
                    + ") not found");
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(ref.getKey());
        if (encoded == null) {
            return Password.missing("Secret \"" + ref.getName() + "\" (" + field + ") has no key \"" + ref.getKey()
                    + "\"");
        }
        byte[] bytes = Base64.getDecoder().decode(encoded);
        if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            return Password.missing("The password in Secret \"" + ref.getName() + "\" key \"" + ref.getKey() + "\" ("
                    + field + ") must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes long");
        }
        return Password.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
