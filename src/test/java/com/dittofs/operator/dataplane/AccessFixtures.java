package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.AccessLevel;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareGrant;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.dataplane.DesiredAccess.Password;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Many declared users, each with a grant on the first share: the load of a big first sync. */
final class AccessFixtures {

    private AccessFixtures() {
    }

    /** Declares users user-1 .. user-n, each granted read-write on the server's first share. */
    static void users(DittoServer server, int n) {
        List<UserSpec> users = new ArrayList<>();
        List<ShareGrant> grants = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            UserSpec user = new UserSpec();
            user.setName("user-" + i);
            user.setPasswordSecretRef(new SecretKeySelector("password", "user-" + i + "-pw", false));
            users.add(user);
            ShareGrant grant = new ShareGrant();
            grant.setUser("user-" + i);
            grant.setLevel(AccessLevel.values()[AccessLevel.values().length - 1]);
            grants.add(grant);
        }
        server.getSpec().setUsers(users);
        server.getSpec().getShares().get(0).setGrants(grants);
    }

    /** The passwords of users(server, n). */
    static Map<String, Password> passwords(int n) {
        Map<String, Password> passwords = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            passwords.put("user-" + i, Password.of("secret-" + i));
        }
        return passwords;
    }
}
