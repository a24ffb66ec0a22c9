package com.dittofs.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version label is derived from any image the schema admits and must still be a valid label value. */
class LabelsTest {

    private static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

    @Test
    void versionIsTheTagAsAValidLabelValue() {
        assertThat(Labels.version("marmos91c/dittofs:v0.29.0")).isEqualTo("v0.29.0");
        assertThat(Labels.version("registry.example.com:5000/team/dittofs:v0.29.0_")).isEqualTo("v0.29.0");
        assertThat(Labels.version("dittofs:-.rc_")).isEqualTo("rc");
        assertThat(Labels.version("dittofs:___")).isEqualTo("unknown");
        assertThat(Labels.version("registry:5000/dittofs")).isEqualTo("unknown");
        assertThat(Labels.version("dittofs@sha256:" + "0a".repeat(32))).isEqualTo("unknown");
        String longTag = Labels.version("dittofs:" + "a".repeat(62) + "._x");
        assertThat(longTag).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE);
    }

    @Test
    void oneSelectorForSeveralComponentsOfTheOperator() {
        assertThat(Labels.managedComponents("jwt", "admin-credentials")).isEqualTo(
                "app.kubernetes.io/managed-by=dittofs-operator,app.kubernetes.io/component in (jwt,admin-credentials)");
    }
}
