package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

class ClaimChangedTest {

    private final ClaimChanged filter = new ClaimChanged();

    private static PersistentVolumeClaim pending() {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName("metadata-a-0").endMetadata()
                .withNewSpec().withNewResources().withRequests(Map.of("storage", new Quantity("10Gi"))).endResources()
                .endSpec().withNewStatus().withPhase("Pending").endStatus().build();
    }

    @Test
    void theStepsOfBindingThatChangeNothingReadAreNotPassedOn() {
        PersistentVolumeClaim pending = pending();
        PersistentVolumeClaim nodeSelected = new PersistentVolumeClaimBuilder(pending).editMetadata()
                .addToAnnotations("volume.kubernetes.io/selected-node", "node-1").endMetadata().build();
        PersistentVolumeClaim volumeNamed = new PersistentVolumeClaimBuilder(nodeSelected).editSpec()
                .withVolumeName("pv-7").endSpec().editMetadata()
                .addToAnnotations("pv.kubernetes.io/bind-completed", "yes").endMetadata().build();
        assertThat(filter.accept(nodeSelected, pending)).isFalse();
        assertThat(filter.accept(volumeNamed, nodeSelected)).isFalse();
        assertThat(filter.accept(pending(), pending())).isFalse();
    }

    @Test
    void aNewClaimIsPassedOnOnceBound() {
        assertThat(ClaimChanged.bound(pending())).isFalse();
        assertThat(ClaimChanged.bound(new PersistentVolumeClaimBuilder(pending()).withStatus(null).build())).isFalse();
        assertThat(ClaimChanged.bound(new PersistentVolumeClaimBuilder(pending()).editStatus().withPhase("Bound")
                .endStatus().build())).isTrue();
    }

    @Test
    void bindingAResizeAndItsNewCapacityArePassedOn() {
        PersistentVolumeClaim pending = pending();
        PersistentVolumeClaim bound = new PersistentVolumeClaimBuilder(pending).editStatus().withPhase("Bound")
                .withCapacity(Map.of("storage", new Quantity("10Gi"))).endStatus().build();
        PersistentVolumeClaim asked = new PersistentVolumeClaimBuilder(bound).editSpec().editResources()
                .withRequests(Map.of("storage", new Quantity("20Gi"))).endResources().endSpec().build();
        PersistentVolumeClaim grown = new PersistentVolumeClaimBuilder(asked).editStatus()
                .withCapacity(Map.of("storage", new Quantity("20Gi"))).endStatus().build();
        assertThat(filter.accept(bound, pending)).isTrue();
        assertThat(filter.accept(asked, bound)).isTrue();
        assertThat(filter.accept(grown, asked)).isTrue();
        PersistentVolumeClaim statusless = new PersistentVolumeClaimBuilder(pending).withStatus(null).build();
        assertThat(filter.accept(pending, statusless)).isTrue();
    }
}
