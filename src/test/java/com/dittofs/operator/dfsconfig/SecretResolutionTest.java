package com.dittofs.operator.dfsconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

class SecretResolutionTest {

    private static final SecretBinding DATABASE = new SecretBinding("DB", "pg", List.of("database", "dbname"), true,
            "spec.database.postgresSecretRef", false);
    private static final SecretBinding PORT = new SecretBinding("PORT", "pg", List.of("port"), false,
            "spec.database.postgresSecretRef", false);

    @Test
    void firstPresentKeyWinsAndOptionalKeysMayBeAbsent() {
        Secret pg = Fixtures.secret("pg", Map.of("dbname", "d", "database", "e"));
        SecretResolution r = SecretResolution.resolve(List.of(DATABASE, PORT), Fixtures.lookup(Map.of("pg", pg)));
        assertThat(r.complete()).isTrue();
        assertThat(r.resolved()).singleElement().satisfies(x -> assertThat(x.key()).isEqualTo("database"));
    }

    @Test
    void aMissingSecretIsReportedOnceWithItsField() {
        SecretResolution r = SecretResolution.resolve(List.of(DATABASE, PORT, DATABASE), Fixtures.lookup(Map.of()));
        assertThat(r.problems()).containsExactly("Secret \"pg\" (spec.database.postgresSecretRef) not found");
    }

    @Test
    void aMissingRequiredKeyNamesTheAcceptedKeys() {
        Secret pg = Fixtures.secret("pg", Map.of("host", "h"));
        SecretResolution r = SecretResolution.resolve(List.of(DATABASE, PORT), Fixtures.lookup(Map.of("pg", pg)));
        assertThat(r.problems()).containsExactly(
                "Secret \"pg\" (spec.database.postgresSecretRef) has no key \"database\" or \"dbname\"");
    }

    @Test
    void theResolutionNeverPrintsAValue() {
        Secret pg = Fixtures.secret("pg", Map.of("database", "top-secret-database-name"));
        SecretResolution r = SecretResolution.resolve(List.of(DATABASE), Fixtures.lookup(Map.of("pg", pg)));
        String encoded = pg.getData().get("database");
        assertThat(r.resolved().get(0).value()).isEqualTo(encoded);
        assertThat(r.toString()).contains("pg/database").doesNotContain(encoded)
                .doesNotContain("top-secret-database-name");
    }
}
