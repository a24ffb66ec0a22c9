package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import org.junit.jupiter.api.Test;

/** When the Percona CRD counts as installed. */
class PerconaCrdEstablishedTest {

    private static CustomResourceDefinition crd(String established) {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName(Percona.CRD_NAME).endMetadata()
                .withNewStatus().addNewCondition().withType("Established").withStatus(established).endCondition()
                .endStatus().build();
    }

    @Test
    void establishedCrdIsInstalled() {
        assertThat(PerconaCrdEventSource.established(crd("True"))).isTrue();
        assertThat(PerconaCrdEventSource.established(crd("False"))).isFalse();
    }

    /** A deleted CRD stays Established while it terminates, but no cluster can be created then. */
    @Test
    void terminatingCrdIsNotInstalled() {
        CustomResourceDefinition terminating = crd("True");
        terminating.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        assertThat(PerconaCrdEventSource.established(terminating)).isFalse();
    }
}
