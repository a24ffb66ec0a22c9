package com.dittofs.operator.dependent;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;

/** {@code <name>-admin}: the initial password of the dfs user admin, when {@code spec.identity.admin} is not given. */
public class AdminSecretDependent extends GeneratedSecretDependent {

    public static final String NAME = "admin-secret";
    static final int LENGTH = 32;

    public AdminSecretDependent() {
        super(Labels.COMPONENT_ADMIN, new GeneratesAdminSecret());
    }

    @Override
    String name(DittoServer server) {
        return Names.adminSecret(server);
    }

    @Override
    Map<String, String> values() {
        return Map.of(Names.ADMIN_USERNAME_KEY, Names.ADMIN_USERNAME, Names.ADMIN_PASSWORD_KEY, random(LENGTH));
    }
}
