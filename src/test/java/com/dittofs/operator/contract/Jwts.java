package com.dittofs.operator.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Mints HS256 tokens with dfs's claim layout, to prove which signing secret dfs really uses, and reads dfs's. */
final class Jwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    /** An admin access token like the ones dfs issues, signed with {@code secret}, valid for ten minutes. */
    static String adminAccessToken(String secret, String userId) {
        long now = System.currentTimeMillis() / 1000;
        return sign(secret, Map.of("iss", "dittofs", "sub", "admin", "iat", now, "exp", now + 600, "uid", userId,
                "username", "admin", "role", "admin", "groups", java.util.List.of("admins"), "token_type",
                "access"));
    }

    /** The claims of a token (unverified: the test only reads what dfs put in). */
    static JsonNode claims(String token) {
        try {
            return Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sign(String secret, Map<String, Object> claims) {
        try {
            String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = B64.encodeToString(Http.JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = B64.encodeToString(mac.doFinal((header + "." + payload)
                    .getBytes(StandardCharsets.UTF_8)));
            return header + "." + payload + "." + signature;
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
