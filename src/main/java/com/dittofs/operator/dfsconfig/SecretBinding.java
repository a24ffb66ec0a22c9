package com.dittofs.operator.dfsconfig;

import java.util.List;

/**
 * An environment variable of the dfs container that is fed from a Secret key.
 *
 * @param env the variable name, or null for a key mounted as a file (see {@link #mounted()})
 * @param secret the Secret name, in the DittoServer's namespace
 * @param keys accepted keys, in order of preference (the first present wins)
 * @param required whether a missing key blocks the server, or just leaves the variable unset
 * @param field the spec field the reference comes from, for messages users act on
 * @param generated whether the operator generates this Secret (otherwise the user provides it)
 * @param readAtStart whether dfs reads the value only when it starts, so that a change must restart the pod: every
 *                    variable, and the mounted files dfs does not reload (krb5.conf, the metrics token, a client CA)
 */
public record SecretBinding(String env, String secret, List<String> keys, boolean required, String field,
        boolean generated, boolean readAtStart) {

    /** A variable, or a mounted file dfs reloads in place (the REST API's certificate). */
    public SecretBinding(String env, String secret, List<String> keys, boolean required, String field,
            boolean generated) {
        this(env, secret, keys, required, field, generated, env != null);
    }

    /**
     * Whether the key reaches the pod as a file of a Secret volume rather than as a variable. Unless dfs reads it at
     * start only, its value is not part of the pod inputs' hash: the kubelet refreshes the file in place and dfs
     * re-reads it (the REST API's certificate, the Kerberos keytab).
     */
    public boolean mounted() {
        return env == null;
    }

    static SecretBinding mounted(String secret, String key, boolean required, String field) {
        return new SecretBinding(null, secret, List.of(key), required, field, false);
    }

    /** A file dfs reads once, at start: its value is hashed, so that a change restarts the pod. */
    static SecretBinding mountedReadAtStart(String secret, String key, String field) {
        return new SecretBinding(null, secret, List.of(key), true, field, false, true);
    }

    static SecretBinding required(String env, String secret, String key, String field) {
        return new SecretBinding(env, secret, List.of(key), true, field, false);
    }

    static SecretBinding generated(String env, String secret, String key) {
        return new SecretBinding(env, secret, List.of(key), true, "generated Secret " + secret, true);
    }
}
