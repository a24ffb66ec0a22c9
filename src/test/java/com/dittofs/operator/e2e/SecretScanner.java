package com.dittofs.operator.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for secret values in text: plain, and base64-encoded both on their own (as in a Secret's data) and embedded
 * in a longer base64 stream at any of the three byte alignments. Findings name the secret by label, never by value.
 */
final class SecretScanner {

    /** Label of each secret, by its plain value. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();

    /** Adds a secret value to look for; shorter values would match by chance and are refused. */
    void watch(String label, String value) {
        if (value == null || value.length() < 16) {
            throw new IllegalArgumentException(label + ": a watched value needs at least 16 characters");
        }
        secrets.put(value, label);
    }

    int watched() {
        return secrets.size();
    }

    /** Scans one text; {@code where} says what it is, for the findings. */
    void scan(String where, String text) {
        if (text == null) {
            return;
        }
        secrets.forEach((value, label) -> forms(value).entrySet().stream()
                .filter(form -> text.contains(form.getKey()))
                .findFirst() // the most specific form found: one finding per value and place
                .map(form -> where + " contains " + label + " (" + form.getValue() + ")")
                .filter(finding -> !findings.contains(finding))
                .ifPresent(findings::add));
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    /** The strings that betray a value, with the name of their encoding. */
    static Map<String, String> forms(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put(value, "plain");
        forms.put(Base64.getEncoder().encodeToString(bytes), "base64");
        forms.put(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "base64url");
        for (String core : embeddedBase64(bytes)) {
            forms.putIfAbsent(core, "base64, inside a longer value");
        }
        return forms;
    }

    /**
     * The part of the base64 encoding of {@code value} that is the same whatever surrounds it, for each alignment
     * (0, 1 or 2 bytes before it): what a base64-encoded document containing the value would contain.
     */
    private static Set<String> embeddedBase64(byte[] value) {
        Set<String> cores = new LinkedHashSet<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] padded = new byte[offset + value.length];
            System.arraycopy(value, 0, padded, offset, value.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
            // characters that mix in bytes of the surroundings: the first ceil(offset*4/3), and a partial last group
            int start = (offset * 4 + 2) / 3;
            int end = (padded.length / 3) * 4;
            if (end - start >= 16) {
                cores.add(encoded.substring(start, end));
            }
        }
        return cores;
    }
}
