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
    /** Per server address, per user, the fingerprint of the password last set or verified. */
    private final Map<String, Map<String, String>> applied = new ConcurrentHashMap<>();

    public PasswordLedger() {
        new SecureRandom().nextBytes(key);
    }

    public boolean matches(String server, String user, String password) {
        return fingerprint(password).equals(applied.getOrDefault(server, Map.of()).get(user));
    }

    public void record(String server, String user, String password) {
        applied.computeIfAbsent(server, s -> new ConcurrentHashMap<>()).put(user, fingerprint(password));
    }

    public void forget(String server, String user) {
        applied.computeIfPresent(server, (s, users) -> {
            users.remove(user);
            return users.isEmpty() ? null : users;
        });
    }

    /** The address is no longer used (the server moved to another pod IP, or was deleted): drop all it held. */
    public void forgetServer(String server) {
        applied.remove(server);
    }

    /** How many addresses the ledger holds entries for. */
    public int servers() {
        return applied.size();
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
