package com.dittofs.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

class CreatedObjectsTest {

    @Test
    void nothingCreatedMeansNoEvent() {
        assertThat(new CreatedObjects().message()).isNull();
    }

    @Test
    void everythingCreatedInOneReconcileIsNamedInOneMessage() {
        CreatedObjects objects = new CreatedObjects();
        objects.add(new ServiceBuilder().withNewMetadata().withName("s-api").endMetadata().build());
        objects.add(new SecretBuilder().withNewMetadata().withName("s-jwt").endMetadata().build());
        objects.add(new ConfigMapBuilder().withNewMetadata().withName("s-config").endMetadata().build());

        assertThat(objects.message()).isEqualTo("Created ConfigMap s-config, Secret s-jwt, Service s-api");
    }
}
