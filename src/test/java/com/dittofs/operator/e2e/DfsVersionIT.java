package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.contract.DfsProcess;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Pod;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The status reports the version the running dfs reports (from its metrics endpoint) next to the image its pod
 * template asks for, and kubectl shows both. A new spec.image rolls the pod: the image in the status follows at once,
 * the version of the old pod is dropped, and the new pod's dfs is read again. The dfs here is built from its Go module
 * (hack/tools.sh), without the release's version flags: it reports {@code dev} whatever the image says.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class DfsVersionIT extends E2E {

    private static final String NAME = "versioned";
    private static final String MODULE_BUILD_VERSION = "dev";

    private static Pod pod() {
        return admin.pods().inNamespace(namespace).withName(NAME + "-0").get();
    }

    private static String podUid() {
        Pod pod = pod();
        return pod == null ? null : pod.getMetadata().getUid();
    }

    private static String dfsVersion() {
        DittoServer server = get(NAME);
        return server.getStatus() == null ? null : server.getStatus().getDfsVersion();
    }

    private static String statusImage() {
        DittoServer server = get(NAME);
        return server.getStatus() == null ? null : server.getStatus().getImage();
    }

    /** Plays the kubelet once the pod has its IP: the real dfs with the pod's config and environment. */
    private static DfsProcess runDfsForThePod() {
        await().atMost(TIMEOUT).until(() -> pod() != null && pod().getStatus().getPodIP() != null);
        return Kubelet.run(admin, namespace, NAME + "-0");
    }

    @Test
    void statusShowsTheRunningVersionNextToTheImageAndFollowsAnUpgrade() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(NAME);
        server.getSpec().getMetrics().setEnabled(true);
        create(server);
        String image = get(NAME).getSpec().getImage();
        dfs = runDfsForThePod();
        awaitReady(NAME);
        await().atMost(TIMEOUT).until(() -> MODULE_BUILD_VERSION.equals(dfsVersion()));
        assertThat(statusImage()).isEqualTo(image);
        var table = cluster.kubectl("-n", namespace, "get", "dittoserver", NAME);
        assertThat(table.exitCode()).as(table.output()).isZero();
        assertThat(table.output().lines().findFirst().orElseThrow()).containsSubsequence("IMAGE", "VERSION");
        assertThat(table.output().lines().skip(1).findFirst().orElseThrow())
                .containsSubsequence(image, MODULE_BUILD_VERSION);

        // The upgrade: the pod rolls. Its dfs stops first (it listens on every loopback address, so it must not answer
        // for the new pod), and the new pod's dfs starts only after the status has dropped the old pod's version.
        String before = podUid();
        String newImage = "marmos91c/dittofs:v0.29.1";
        edit(NAME, s -> s.getSpec().setImage(newImage));
        dfs.close();
        await().atMost(TIMEOUT).until(() -> newImage.equals(statusImage()));
        await().atMost(TIMEOUT).until(() -> podUid() != null && !before.equals(podUid()));
        // the new pod is up, its dfs is not: the old pod's version is not reported for it
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> dfsVersion() == null && conditionIs(NAME, "Available", "True"));
        await().atMost(TIMEOUT).until(() -> condition(NAME, "DataPlaneReady")
                .map(c -> "ServerUnreachable".equals(c.getReason())).orElse(false));
        assertThat(dfsVersion()).isNull();

        dfs = runDfsForThePod();
        await().atMost(TIMEOUT).until(() -> MODULE_BUILD_VERSION.equals(dfsVersion())
                && conditionIs(NAME, "Ready", "True"));
        assertThat(statusImage()).isEqualTo(newImage);
        assertThat(pod().getSpec().getContainers().get(0).getImage()).isEqualTo(newImage);
        assertThat(Objects.requireNonNull(podUid())).isNotEqualTo(before);
    }
}
