package com.dittofs.operator.dependent;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;

/** {@code <name>-jwt}: the REST API's JWT signing secret, when {@code spec.identity.jwt} is not given. */
public class JwtSecretDependent extends GeneratedSecretDependent {

    /** dfs refuses to start with fewer than 32 characters; 64 leaves a wide margin. */
    public static final String NAME = "jwt-secret";
    static final int LENGTH = 64;

    public JwtSecretDependent() {
        super(Labels.COMPONENT_JWT, new GeneratesJwtSecret());
    }

    @Override
    String name(DittoServer server) {
        return Names.jwtSecret(server);
    }

    @Override
    Map<String, String> values() {
        return Map.of(Names.JWT_SECRET_KEY, random(LENGTH));
    }
}
