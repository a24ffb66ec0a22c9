package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The scanner the leak test relies on finds a value however it is wrapped, and nothing else. */
class SecretScannerTest {

    private static final String VALUE = "canary-0123456789abcdef";

    @Test
    void findsPlainAndBase64AtEveryAlignment() {
        for (String prefix : new String[] {"", "a", "ab", "abc", "{\"password\":\""}) {
            SecretScanner scanner = new SecretScanner();
            scanner.watch("the canary", VALUE);
            String document = prefix + VALUE + "\"} and more";
            scanner.scan("embedded", Base64.getEncoder().encodeToString(document.getBytes(StandardCharsets.UTF_8)));
            assertThat(scanner.findings()).as("prefix '%s'", prefix).isNotEmpty()
                    .allSatisfy(f -> assertThat(f).contains("the canary").doesNotContain(VALUE));
        }
        SecretScanner scanner = new SecretScanner();
        scanner.watch("the canary", VALUE);
        scanner.scan("plain", "message: " + VALUE);
        scanner.scan("data", Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8)));
        assertThat(scanner.findings()).containsExactly("plain contains the canary (plain)",
                "data contains the canary (base64)");
    }

    @Test
    void findsNothingInUnrelatedText() {
        SecretScanner scanner = new SecretScanner();
        scanner.watch("the canary", VALUE);
        scanner.scan("other", "canary-X123456789abcdef and " + Base64.getEncoder().encodeToString(
                "canary-X123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        assertThat(scanner.findings()).isEmpty();
    }
}
