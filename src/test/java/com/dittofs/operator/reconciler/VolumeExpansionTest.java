package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.VolumeStatus;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

class VolumeExpansionTest {

    /** The basic sample declares metadata 10Gi and cache 5Gi; its claims are *-my-dittofs-0. */
    private static DittoServer server() {
        return Fixtures.basic();
    }

    private static PersistentVolumeClaim claim(String name, String requested, String capacity) {
        var builder = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withNewResources().addToRequests("storage", new Quantity(requested)).endResources()
                .endSpec();
        return capacity == null ? builder.withNewStatus().withPhase("Pending").endStatus().build()
                : builder.withNewStatus().withPhase("Bound").addToCapacity("storage", new Quantity(capacity))
                        .endStatus().build();
    }

    @Test
    void onlyBoundClaimsRequestingLessThanDeclaredAreGrown() {
        DittoServer server = server();
        server.getSpec().getStorage().setCacheSize("8Gi");
        var claims = List.of(claim("metadata-my-dittofs-0", "10240Mi", "10Gi"), claim("cache-my-dittofs-0", "5Gi",
                "5Gi"), claim("cache-other-0", "1Gi", "1Gi"));
        assertThat(VolumeExpansion.resizes(server, claims)).singleElement().satisfies(r -> {
            assertThat(r.claim().getMetadata().getName()).isEqualTo("cache-my-dittofs-0");
            assertThat(r.declared()).isEqualTo("8Gi");
        });
        assertThat(VolumeExpansion.resizes(server, List.of(claim("cache-my-dittofs-0", "5Gi", null)))).isEmpty();
    }

    @Test
    void claimsAtTheirSizeAreReportedWithRequestAndCapacity() {
        var outcome = VolumeExpansion.report(server(), List.of(claim("metadata-my-dittofs-0", "10Gi", "10Gi"),
                claim("cache-my-dittofs-0", "5Gi", "1Ti")), Map.of());
        assertThat(outcome.atSize()).isTrue();
        assertThat(outcome.reason()).isEqualTo("VolumesAtSize");
        assertThat(outcome.volumes()).containsExactly(
                new VolumeStatus("metadata", "metadata-my-dittofs-0", "10Gi", "10Gi"),
                new VolumeStatus("cache", "cache-my-dittofs-0", "5Gi", "1Ti"));
    }

    @Test
    void aClaimWhoseCapacityLagsItsRequestIsInProgress() {
        var outcome = VolumeExpansion.report(server(), List.of(claim("metadata-my-dittofs-0", "10Gi", "2Gi")),
                Map.of());
        assertThat(outcome.atSize()).isFalse();
        assertThat(outcome.reason()).isEqualTo("ResizeInProgress");
        assertThat(outcome.message()).contains("metadata-my-dittofs-0 requests 10Gi and has 2Gi");
    }

    @Test
    void anUnboundClaimSmallerThanDeclaredWaitsToBeBound() {
        var outcome = VolumeExpansion.report(server(), List.of(claim("metadata-my-dittofs-0", "1Gi", null)),
                Map.of());
        assertThat(outcome.reason()).isEqualTo("ResizeInProgress");
        assertThat(outcome.message()).contains("Resized once bound: metadata-my-dittofs-0");
        assertThat(outcome.volumes()).singleElement().satisfies(v -> assertThat(v.getCapacity()).isNull());
    }

    @Test
    void aStorageClassWithoutExpansionIsNamedInTheCondition() {
        DittoServer server = server();
        server.getSpec().getStorage().setStorageClassName("fixed-size");
        var outcome = VolumeExpansion.report(server, List.of(claim("metadata-my-dittofs-0", "1Gi", "1Gi")),
                Map.of("metadata-my-dittofs-0", "persistentvolumeclaims \"metadata-my-dittofs-0\" is forbidden: only"
                        + " dynamically provisioned pvc can be resized and the storageclass that provisions the pvc"
                        + " must support resize"));
        assertThat(outcome.atSize()).isFalse();
        assertThat(outcome.reason()).isEqualTo("ExpansionNotSupported");
        assertThat(outcome.message()).contains("StorageClass fixed-size", "allowVolumeExpansion",
                "metadata-my-dittofs-0");
    }

    @Test
    void anotherRefusalIsResizeFailedWithTheApiserversWords() {
        var outcome = VolumeExpansion.report(server(), List.of(claim("metadata-my-dittofs-0", "1Gi", "1Gi")),
                Map.of("metadata-my-dittofs-0", "exceeded quota: storage"));
        assertThat(outcome.reason()).isEqualTo("ResizeFailed");
        assertThat(outcome.message()).contains("exceeded quota");
    }

    @Test
    void noClaimYetIsAtSizeInTheSameWords() {
        var outcome = VolumeExpansion.report(server(), List.of(), Map.of());
        assertThat(outcome.atSize()).isTrue();
        assertThat(outcome.volumes()).isEmpty();
        // the claims appearing while the server is Pending change nothing StatusWrites writes for
        var bound = VolumeExpansion.report(server(), List.of(claim("metadata-my-dittofs-0", "10Gi", "10Gi"),
                claim("cache-my-dittofs-0", "5Gi", "5Gi")), Map.of());
        assertThat(bound.message()).isEqualTo(outcome.message());
    }

    @Test
    void quantitiesCompareByValue() {
        assertThat(VolumeExpansion.smaller("1024Mi", "1Gi")).isFalse();
        assertThat(VolumeExpansion.smaller("1Gi", "1025Mi")).isTrue();
        assertThat(VolumeExpansion.smaller("1G", "1Gi")).isTrue();
        assertThat(VolumeExpansion.smaller(null, "1Gi")).isFalse();
    }
}
