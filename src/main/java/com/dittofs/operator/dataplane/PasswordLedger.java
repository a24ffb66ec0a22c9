package com.dittofs.operator.dataplane;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, in memory only, which password the operator last set or verified for each user of each server, as a
 * keyed hash under a key that never leaves this process: a pass logs in as a user (to check its password) only
 * when the Secret changed or the operator restarted, not on every pass. Entries are kept per server address and
 * dropped with it ({@link #forgetServer}), so that pod IPs that come and go do not pile up.
 */
public final class PasswordLedger {

    private final byte[] key = new byte[32];
    /** Per server address and user, the fingerprint of the password last set or verified. */
    private final Map<Entry, String> applied = new ConcurrentHashMap<>();

    private record Entry(String server, String user) {
    }

    public PasswordLedger() {
        new SecureRandom().nextBytes(key);
    }

    public boolean matches(String server, String user, String password) {
        return fingerprint(password).equals(applied.get(new Entry(server, user)));
    }

    public void record(String server, String user, String password) {
        applied.put(new Entry(server, user), fingerprint(password));
    }

    public void forget(String server, String user) {
        applied.remove(new Entry(server, user));
    }

    /** The address is no longer used (the server moved to another pod IP, or was deleted): drop all it held. */
    public void forgetServer(String server) {
        applied.keySet().removeIf(entry -> entry.server().equals(server));
    }

    private String fingerprint(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
