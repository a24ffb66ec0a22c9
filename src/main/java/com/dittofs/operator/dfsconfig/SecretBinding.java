package com.dittofs.operator.dfsconfig;

import java.util.List;

/**
 * An environment variable of the dfs container that is fed from a Secret key.
 *
 * @param env the variable name
 * @param secret the Secret name, in the DittoServer's namespace
 * @param keys accepted keys, in order of preference (the first present wins)
 * @param required whether a missing key blocks the server, or just leaves the variable unset
 * @param field the spec field the reference comes from, for messages users act on
 * @param generated whether the operator generates this Secret (otherwise the user provides it)
 */
public record SecretBinding(String env, String secret, List<String> keys, boolean required, String field,
        boolean generated) {

    static SecretBinding required(String env, String secret, String key, String field) {
        return new SecretBinding(env, secret, List.of(key), true, field, false);
    }

    static SecretBinding generated(String env, String secret, String key) {
        return new SecretBinding(env, secret, List.of(key), true, "generated Secret " + secret, true);
    }
}
