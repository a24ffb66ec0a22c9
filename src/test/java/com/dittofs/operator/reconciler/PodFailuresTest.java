package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.Phase;
import com.dittofs.operator.api.v1alpha1.VolumePermissionsSpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

class PodFailuresTest {

    /**
     * The end of the log of the real dfs v0.29.0 started as 65532:65532 on a root-owned /data/metadata (JSON logs,
     * as the operator configures them): what the kubelet puts in lastState.terminated.message.
     */
    static final String SQLITE_CANTOPEN = resource("/dfs/volume-not-writable-v0.29.0.log");

    private static String resource(String name) {
        try (var in = PodFailuresTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ContainerStatus crashLooping(String name, int exitCode, String reason, String message) {
        return new ContainerStatusBuilder().withName(name).withImage("marmos91c/dittofs:v0.29.0").withRestartCount(3)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 40s restarting failed container=" + name).endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(exitCode).withReason(reason)
                .withMessage(message).endTerminated().endLastState()
                .withReady(false).build();
    }

    private static ContainerStatus waiting(String name, String reason) {
        return new ContainerStatusBuilder().withName(name).withImage("registry.example/dfs:nope")
                .withNewState().withNewWaiting().withReason(reason).withMessage("rpc error: not found").endWaiting()
                .endState().withReady(false).build();
    }

    private static Pod pod(List<ContainerStatus> init, ContainerStatus dfs) {
        return new PodBuilder().withNewMetadata().withName("my-dittofs-0").endMetadata()
                .withNewStatus().withPhase(init.isEmpty() ? "Running" : "Pending").withInitContainerStatuses(init)
                .withContainerStatuses(dfs).endStatus().build();
    }

    private static Optional<PodFailures.Failure> of(DittoServer server, Pod pod) {
        return PodFailures.of(server, pod, List.of("correct-horse-battery"));
    }

    @Test
    void sqliteThatCannotOpenItsFileIsAMetadataVolumeDfsCannotWrite() {
        DittoServer server = Fixtures.basic();
        var failure = of(server, pod(List.of(), crashLooping("dfs", 1, "Error", SQLITE_CANTOPEN))).orElseThrow();
        assertThat(failure.reason()).isEqualTo(ConditionTypes.REASON_VOLUME_NOT_WRITABLE).isEqualTo("VolumeNotWritable");
        assertThat(failure.message())
                .startsWith("dfs cannot write to its metadata volume (claim metadata-my-dittofs-0) as UID:GID"
                        + " 65532:65532: the volume's storage ignores fsGroup")
                .contains("spec.storage.volumePermissions.enabled: true", "baseline", "chown",
                        "StorageClass that honours fsGroup")
                .doesNotContain("out of memory");
        assertThat(Conditions.tidy(failure.message())).as("fits a condition whole").isEqualTo(failure.message());
    }

    @Test
    void badgerThatCannotOpenItsDirectoryIsTheMetadataVolumeToo() {
        assertThat(PodFailures.notWritableVolume(resource("/dfs/badger-not-writable-v0.29.0.log")))
                .contains("metadata");
    }

    @Test
    void permissionDeniedOnADataPathNamesThatVolume() {
        // dfs v0.29.0's words when the data plane creates a local block store on an unwritable cache volume
        assertThat(PodFailures.notWritableVolume("Invalid block store config: failed to create block store directory"
                + " \"/data/cache/blocks\": mkdir /data/cache/blocks: permission denied")).contains("cache");
        assertThat(PodFailures.notWritableVolume("open /data/content/blocks/x: read-only file system"))
                .contains("content");
        assertThat(PodFailures.notWritableVolume("failed to open badger: Error Creating Dir: \"/data/metadata/badger\""
                + " error: mkdir /data/metadata/badger: permission denied")).contains("metadata");
        assertThat(PodFailures.notWritableVolume("listen tcp :8080: bind: address already in use")).isEmpty();
        assertThat(PodFailures.notWritableVolume("open /config/config.yaml: permission denied"))
                .as("not a data volume").isEmpty();
        assertThat(PodFailures.notWritableVolume(null)).isEmpty();
    }

    @Test
    void aReadOnlyVolumeIsSaidToBeReadOnly() {
        DittoServer server = Fixtures.basic();
        var failure = of(server, pod(List.of(), crashLooping("dfs", 1, "Error",
                "mkdir /data/cache/blocks: read-only file system"))).orElseThrow();
        assertThat(failure.reason()).isEqualTo(ConditionTypes.REASON_VOLUME_NOT_WRITABLE);
        assertThat(failure.message()).contains("cache volume (claim cache-my-dittofs-0)", "read-only")
                .doesNotContain("volumePermissions");
    }

    @Test
    void withTheInitContainerEnabledTheMessageBlamesTheStorageAndUsesTheUsersIds() {
        DittoServer server = Fixtures.basic();
        VolumePermissionsSpec permissions = new VolumePermissionsSpec();
        permissions.setEnabled(true);
        server.getSpec().getStorage().setVolumePermissions(permissions);
        server.getSpec().setPodSecurityContext(new io.fabric8.kubernetes.api.model.PodSecurityContextBuilder()
                .withRunAsUser(1000L).withFsGroup(2000L).build());
        var failure = of(server, pod(List.of(), crashLooping("dfs", 1, "Error", SQLITE_CANTOPEN))).orElseThrow();
        assertThat(failure.message()).contains("as 1000:2000", "volume-permissions init container ran", "root_squash");
    }

    @Test
    void aFailingInitContainerIsVolumePermissionsFailed() {
        DittoServer server = Fixtures.basic();
        Pod pod = pod(List.of(crashLooping("volume-permissions", 1, "Error",
                "/data/metadata: owner 0:0, chown -R 65532:65532\nchown: /data/metadata: Operation not permitted")),
                new ContainerStatusBuilder().withName("dfs").withNewState().withNewWaiting()
                        .withReason("PodInitializing").endWaiting().endState().build());
        var failure = of(server, pod).orElseThrow();
        assertThat(failure.reason()).isEqualTo(ConditionTypes.REASON_VOLUME_PERMISSIONS_FAILED);
        assertThat(failure.message()).contains("65532:65532", "exit code 1",
                "last error: chown: /data/metadata: Operation not permitted", "root_squash",
                "kubectl logs my-dittofs-0 -c volume-permissions");
        assertThat(Conditions.tidy(failure.message())).as("fits a condition whole").isEqualTo(failure.message());
    }

    @Test
    void anOomKillIsSaidWithTheLimit() {
        DittoServer server = Fixtures.basic();
        server.getSpec().setResources(new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("256Mi"))
                .build());
        var failure = of(server, pod(List.of(), crashLooping("dfs", 137, "OOMKilled", null))).orElseThrow();
        assertThat(failure.reason()).isEqualTo("OOMKilled");
        assertThat(failure.message()).contains("(256Mi)", "spec.resources.limits.memory");
    }

    @Test
    void anotherCrashLoopHasTheExitCodeAndDfsLastErrorWithoutTimestampsOrSecrets() {
        DittoServer server = Fixtures.basic();
        String log = "{\"time\":\"2026-01-01T00:00:01Z\",\"level\":\"INFO\",\"msg\":\"starting\"}\n"
                + "{\"time\":\"2026-01-01T00:00:02Z\",\"level\":\"ERROR\",\"msg\":\"failed to connect\","
                + "\"error\":\"password correct-horse-battery refused\"}\n";
        var failure = of(server, pod(List.of(), crashLooping("dfs", 1, "Error", log))).orElseThrow();
        assertThat(failure.reason()).isEqualTo("CrashLoopBackOff");
        assertThat(failure.message()).isEqualTo("dfs keeps exiting (exit code 1, last error: failed to connect:"
                + " password *** refused); kubectl logs my-dittofs-0 --previous has its log.");
        String later = log.replace("00:00:0", "00:05:0");
        assertThat(of(server, pod(List.of(), crashLooping("dfs", 1, "Error", later))).orElseThrow().message())
                .as("the same message for the next crash: one event, one write").isEqualTo(failure.message());
        String text = "2026/01/01 00:00:02 ERROR config invalid: nfs.port";
        assertThat(of(server, pod(List.of(), crashLooping("dfs", 2, "Error", text))).orElseThrow().message())
                .contains("exit code 2, last error: config invalid: nfs.port)");
        String longError = "{\"level\":\"ERROR\",\"msg\":\"" + "x".repeat(1000) + "\"}";
        String truncated = of(server, pod(List.of(), crashLooping("dfs", 1, "Error", longError))).orElseThrow()
                .message();
        assertThat(Conditions.tidy(truncated)).as("a long error is cut, the hint kept").isEqualTo(truncated)
                .endsWith("--previous has its log.");
        assertThat(of(server, pod(List.of(), crashLooping("dfs", 2, "Error", null))).orElseThrow().message())
                .isEqualTo("dfs keeps exiting (exit code 2); kubectl logs my-dittofs-0 --previous has its log.");
    }

    @Test
    void imagesThatCannotBePulledAreNamed() {
        DittoServer server = Fixtures.basic();
        for (String reason : List.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName")) {
            var failure = of(server, pod(List.of(), waiting("dfs", reason))).orElseThrow();
            assertThat(failure.reason()).isEqualTo("ImagePullFailed");
            assertThat(failure.message()).isEqualTo("The node cannot pull the image registry.example/dfs:nope: check"
                    + " spec.image and spec.imagePullSecrets; kubectl describe pod my-dittofs-0 shows the registry's"
                    + " answer.");
        }
        var init = of(server, pod(List.of(waiting("volume-permissions", "ImagePullBackOff")),
                waiting("dfs", "PodInitializing"))).orElseThrow();
        assertThat(init.message()).contains("volume-permissions init container",
                "spec.storage.volumePermissions.image");
    }

    @Test
    void aPodOnItsWayOrRunningAgainIsNoFailure() {
        DittoServer server = Fixtures.basic();
        assertThat(of(server, null)).isEmpty();
        assertThat(of(server, new PodBuilder().withNewMetadata().withName("my-dittofs-0").endMetadata().build()))
                .as("not scheduled yet").isEmpty();
        assertThat(of(server, pod(List.of(), waiting("dfs", "ContainerCreating")))).isEmpty();
        ContainerStatus restarted = new ContainerStatusBuilder(crashLooping("dfs", 1, "Error", SQLITE_CANTOPEN))
                .withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().endState().build();
        assertThat(of(server, pod(List.of(), restarted))).as("running again: perhaps fixed").isEmpty();
        ContainerStatus exitedOnce = new ContainerStatusBuilder().withName("dfs").withNewState().withNewTerminated()
                .withExitCode(1).withReason("Error").withMessage("boom").endTerminated().endState().build();
        assertThat(of(server, pod(List.of(), exitedOnce))).as("one exit is not a loop yet").isEmpty();
    }

    @Test
    void theStatusSaysItInAvailableReadyAndThePhase() {
        DittoServer server = Fixtures.basic();
        StatefulSet sts = new StatefulSetBuilder().withNewMetadata().withGeneration(1L).endMetadata()
                .withNewStatus().withObservedGeneration(1L).withReplicas(1).withReadyReplicas(0).endStatus().build();
        var failure = PodFailures.of(server, pod(List.of(), crashLooping("dfs", 1, "Error", SQLITE_CANTOPEN)),
                List.of());
        DittoServerStatus status = StatusAggregator.aggregate(server, Fixtures.inputs(server), Optional.of(sts),
                Optional.empty(), failure, null, null, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(status.getPhase()).isEqualTo(Phase.Failed);
        for (String type : List.of(ConditionTypes.READY, ConditionTypes.AVAILABLE)) {
            assertThat(status.getConditions()).filteredOn(c -> type.equals(c.getType())).singleElement()
                    .satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getReason()).isEqualTo("VolumeNotWritable");
                        assertThat(c.getMessage()).isEqualTo(failure.get().message());
                    });
        }
        assertThat(Problems.isProblem(status)).as("worth a Warning event").isTrue();

        DittoServerStatus waiting = StatusAggregator.aggregate(server, Fixtures.inputs(server), Optional.of(sts),
                Optional.empty(), Optional.empty(), null, null, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(waiting.getPhase()).isEqualTo(Phase.Pending);
        assertThat(Problems.ready(waiting).getReason()).isEqualTo(ConditionTypes.REASON_POD_NOT_READY);
    }
}
