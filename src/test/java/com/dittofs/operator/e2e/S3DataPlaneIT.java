package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The S3 sample against a real S3-compatible server on loopback: the operator gives dfs a remote store with the
 * credentials of the referenced Secret, and data written over NFS reaches the bucket.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class S3DataPlaneIT extends E2E {

    private static S3Server s3;

    @AfterAll
    static void stop() {
        if (dfs != null) {
            dfs.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void s3SampleWritesThroughToTheBucket() throws Exception {
        s3 = S3Server.start();
        DittoServer server = null;
        for (HasMetadata object : Fixtures.sampleObjects("dittofs_v1alpha1_dittoserver_s3.yaml")) {
            object.getMetadata().setNamespace(namespace);
            if (object instanceof Secret secret) {
                secret.setStringData(Map.of("accessKeyId", "test-key", "secretAccessKey", "test-secret"));
                admin.resource(secret).create();
            } else if (object instanceof DittoServer ditto) {
                server = ditto;
            }
        }
        s3.createBucket(server.getSpec().getS3().getBucket());
        server.getSpec().getS3().setEndpoint(s3.endpoint());
        server.getSpec().getS3().setForcePathStyle(true);
        String name = server.getMetadata().getName();
        admin.resource(server).create();

        runDfs(name);
        awaitReady(name);
        assertThat(get(name).getStatus().getShares()).singleElement()
                .satisfies(share -> assertThat(share.getReady()).isTrue());

        Path local = Files.createTempFile("payload", ".bin");
        byte[] payload = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(payload);
        Files.write(local, payload);
        String url = "nfs://127.0.0.1/export/payload.bin?version=3&nfsport=12049&mountport=12049";
        var copy = ControlPlane.exec(List.of("nfs-cp", local.toString(), url), 120);
        assertThat(copy.exitCode()).as(copy.output()).isZero();

        String bucket = server.getSpec().getS3().getBucket();
        await().atMost(TIMEOUT).until(() -> s3.listing(bucket).contains("<Key>"));
        assertThat(s3.listing(bucket)).contains("blocks/");
    }
}
