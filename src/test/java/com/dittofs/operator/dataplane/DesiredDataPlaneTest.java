package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.NfsFeatureSpec;
import com.dittofs.operator.dfsclient.NfsAdapterSettings;
import com.dittofs.operator.api.v1alpha1.SharePermission;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class DesiredDataPlaneTest {

    private static final DesiredDataPlane.S3Credentials CREDS =
            new DesiredDataPlane.S3Credentials("AKIA", "shh", null);

    @Test
    void basicSampleGetsBothAdaptersLocalStoresAndOneWritableExport() {
        DesiredDataPlane plane = DesiredDataPlane.from(Fixtures.basic().getSpec(), Optional.empty(), Map.of());
        assertThat(plane.adapters()).containsExactly(new DesiredDataPlane.AdapterState("nfs", true, 12049,
                new NfsAdapterSettings(false, 10111, false)), new DesiredDataPlane.AdapterState("smb", true, 1445, null));
        assertThat(plane.metadataStore().type()).isEqualTo("badger");
        assertThat(plane.metadataStore().config()).containsEntry("path", "/data/metadata/badger");
        assertThat(plane.localStore().config()).containsEntry("path", "/data/cache/blocks");
        assertThat(plane.remoteStore()).isEmpty();
        assertThat(plane.shares()).containsExactly(
                new DesiredDataPlane.DesiredShare("/export", false, "read-write", false, false));
    }

    @Test
    void contentVolumeHoldsTheLocalBlockStoreAndDisabledProtocolsAreDisabled() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getStorage().setContentSize("100Gi");
        server.getSpec().getSmb().setEnabled(false);
        DesiredDataPlane plane = DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of());
        assertThat(plane.localStore().config()).containsEntry("path", "/data/content/blocks");
        assertThat(plane.adapters()).contains(new DesiredDataPlane.AdapterState("smb", false, 1445, null));
    }

    @Test
    void theNfsSettingsFollowPortmapperAndUdpAndAreOffWithNfs() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getNfs().setPortmapper(new NfsFeatureSpec(true));
        server.getSpec().getNfs().setUdp(new NfsFeatureSpec(true));
        assertThat(DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of()).adapters().get(0).settings())
                .isEqualTo(new NfsAdapterSettings(true, 10111, true));
        server.getSpec().getNfs().setEnabled(false);
        assertThat(DesiredDataPlane.from(server.getSpec(), Optional.empty(), Map.of()).adapters().get(0).settings())
                .isEqualTo(new NfsAdapterSettings(false, 10111, false));
    }

    @Test
    void s3SampleGetsARemoteStoreWithItsOwnCredentialsAndRemoteShares() {
        DesiredDataPlane plane = DesiredDataPlane.from(Fixtures.s3().getSpec(), Optional.of(CREDS), Map.of());
        assertThat(plane.remoteStore()).get().satisfies(store -> {
            assertThat(store.type()).isEqualTo("s3");
            assertThat(store.config()).containsEntry("bucket", "my-dittofs-content")
                    .containsEntry("region", "eu-west-1").containsEntry("access_key_id", "AKIA")
                    .containsEntry("secret_access_key", "shh").doesNotContainKey("endpoint");
            assertThat(store.toString()).doesNotContain("shh");
        });
        assertThat(plane.shares()).allMatch(DesiredDataPlane.DesiredShare::remote);
    }

    @Test
    void explicitEndpointIsAllowedToBePrivateAndTheSecretEndpointWins() {
        DittoServer server = Fixtures.s3();
        server.getSpec().getS3().setEndpoint("http://minio.storage:9000");
        server.getSpec().getS3().setForcePathStyle(true);
        var config = DesiredDataPlane.from(server.getSpec(), Optional.of(CREDS), Map.of()).remoteStore().orElseThrow()
                .config();
        assertThat(config).containsEntry("endpoint", "http://minio.storage:9000")
                .containsEntry("allow_private_endpoint", true).containsEntry("force_path_style", true);
        var fromSecret = DesiredDataPlane.from(server.getSpec(), Optional.of(
                new DesiredDataPlane.S3Credentials("AKIA", "shh", "http://other:9000")), Map.of()).remoteStore()
                .orElseThrow();
        assertThat(fromSecret.config()).containsEntry("endpoint", "http://other:9000");
    }

    @Test
    void sharesFollowTheSpec() {
        DittoServer server = Fixtures.s3();
        ShareSpec local = new ShareSpec();
        local.setName("/scratch");
        local.setRemote(false);
        local.setReadOnly(true);
        local.setDefaultPermission(SharePermission.READ);
        server.getSpec().setShares(List.of(local));
        assertThat(DesiredDataPlane.from(server.getSpec(), Optional.of(CREDS), Map.of()).shares())
                .containsExactly(new DesiredDataPlane.DesiredShare("/scratch", true, "read", false, false));
    }

    @Test
    void onlyAChangedAccessKeyCountsAsCredentialDrift() {
        Map<String, Object> want = Map.of("bucket", "b", "access_key_id", "AKIA", "secret_access_key", "new");
        assertThat(DataPlaneSync.drifted(Map.of("bucket", "b", "access_key_id", "AKIA", "secret_access_key",
                "********"), want)).isFalse();
        assertThat(DataPlaneSync.drifted(Map.of("bucket", "b", "access_key_id", "OLD", "secret_access_key",
                "********"), want)).isTrue();
        assertThat(DataPlaneSync.drifted(Map.of("bucket", "c", "access_key_id", "AKIA"), want)).isTrue();
    }
}
