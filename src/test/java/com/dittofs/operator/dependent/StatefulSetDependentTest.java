package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DatabaseType;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.NfsFeatureSpec;
import com.dittofs.operator.api.v1alpha1.VolumePermissionsSpec;
import com.dittofs.operator.api.v1alpha1.VolumeRetentionPolicy;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

class StatefulSetDependentTest {

    private static StatefulSet build(DittoServer server, Secret... extra) {
        return StatefulSetDependent.build(server, Fixtures.inputs(server, extra), Optional.empty());
    }

    private static Container dfs(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, Integer> ports(StatefulSet sts) {
        return dfs(sts).getPorts().stream()
                .collect(java.util.stream.Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
    }

    private static EnvVar env(StatefulSet sts, String name) {
        return dfs(sts).getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElse(null);
    }

    private static String hash(StatefulSet sts) {
        return sts.getSpec().getTemplate().getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
    }

    @Test
    void basicSampleRunsOneForegroundDfsWithRestrictedDefaults() {
        StatefulSet sts = build(Fixtures.basic());
        assertThat(sts.getMetadata().getName()).isEqualTo("my-dittofs");
        assertThat(sts.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "dittofs")
                .containsEntry("app.kubernetes.io/instance", "my-dittofs")
                .containsEntry("app.kubernetes.io/component", "server")
                .containsEntry("app.kubernetes.io/managed-by", "dittofs-operator")
                .containsEntry("app.kubernetes.io/version", "v0.29.0");
        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getSpec().getServiceName()).isEqualTo("my-dittofs-headless");
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled()).isEqualTo("Retain");
        Container dfs = dfs(sts);
        assertThat(dfs.getImage()).isEqualTo("marmos91c/dittofs:v0.29.0");
        assertThat(dfs.getCommand()).containsExactly("/app/dfs");
        assertThat(dfs.getArgs()).containsExactly("start", "--foreground", "--config", "/config/config.yaml");
        assertThat(ports(sts)).isEqualTo(Map.of("api", 8080, "nfs", 12049, "smb", 1445));
        assertThat(dfs.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(dfs.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(dfs.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(dfs.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5L);
        assertThat(sts.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(105L);
        var security = dfs.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        var pod = sts.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(65532L);
        assertThat(dfs.getResources().getRequests()).containsKeys("cpu", "memory");
    }

    @Test
    void secretsReachTheContainerOnlyAsSecretKeyRefs() {
        StatefulSet sts = build(Fixtures.basic());
        EnvVar jwt = env(sts, "DITTOFS_CONTROLPLANE_SECRET");
        assertThat(jwt.getValue()).isNull();
        assertThat(jwt.getValueFrom().getSecretKeyRef().getName()).isEqualTo("my-dittofs-jwt");
        assertThat(jwt.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("secret");
        EnvVar admin = env(sts, "DITTOFS_ADMIN_INITIAL_PASSWORD");
        assertThat(admin.getValueFrom().getSecretKeyRef().getName()).isEqualTo("my-dittofs-admin");
        assertThat(dfs(sts).getEnv()).allMatch(e -> e.getValue() == null || !e.getValue().contains("jjjj"));
    }

    @Test
    void volumeClaimsAreMetadataAndCacheAndOptionalContent() {
        StatefulSet sts = build(Fixtures.basic());
        assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                .containsExactly("metadata", "cache");
        assertThat(sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
                .containsEntry("storage", new Quantity("10Gi"));
        DittoServer withContent = Fixtures.basic();
        withContent.getSpec().getStorage().setContentSize("100Gi");
        withContent.getSpec().getStorage().setStorageClassName("fast");
        StatefulSet content = build(withContent);
        assertThat(content.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                .containsExactly("metadata", "cache", "content");
        assertThat(content.getSpec().getVolumeClaimTemplates())
                .allMatch(c -> "fast".equals(c.getSpec().getStorageClassName()));
        assertThat(dfs(content).getVolumeMounts()).extracting(m -> m.getMountPath())
                .contains("/data/metadata", "/data/cache", "/data/content", "/config", "/tmp");
    }

    @Test
    void existingClaimTemplatesAreKeptWhileTheSizesAreTheSame() {
        DittoServer server = Fixtures.basic(); // metadata 10Gi
        List<PersistentVolumeClaim> existing = StatefulSetDependent.claims(server);
        existing.get(0).getSpec().getResources().getRequests().put("storage", new Quantity("10240Mi"));
        existing.get(0).getMetadata().getLabels().put("app.kubernetes.io/version", "older");
        StatefulSet sts = StatefulSetDependent.build(server, Fixtures.inputs(server), Optional.of(existing));
        assertThat(sts.getSpec().getVolumeClaimTemplates()).isEqualTo(existing);
    }

    @Test
    void aGrownSizeGivesNewClaimTemplatesWhichTheUpdateAppliesByReCreatingTheStatefulSet() {
        DittoServer server = Fixtures.basic();
        StatefulSet before = build(server);
        server.getSpec().getStorage().setCacheSize("8Gi");
        StatefulSet after = StatefulSetDependent.build(server, Fixtures.inputs(server),
                Optional.of(before.getSpec().getVolumeClaimTemplates()));
        assertThat(after.getSpec().getVolumeClaimTemplates().get(1).getSpec().getResources().getRequests())
                .containsEntry("storage", new Quantity("8Gi"));
        assertThat(after.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
                .containsEntry("storage", new Quantity("10Gi"));
        assertThat(ClaimTemplates.resized(before, after)).isTrue();
        assertThat(ClaimTemplates.resized(after, after)).isFalse();
        // the pod template does not change with a size: the re-created StatefulSet adopts the pod as it is
        assertThat(after.getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
    }

    @Test
    void retentionPolicyDecidesWhenDeletedAndScalingToZeroAlwaysRetains() {
        DittoServer server = Fixtures.basic();
        assertThat(build(server).getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Retain");
        server.getSpec().getStorage().setRetentionPolicy(VolumeRetentionPolicy.Delete);
        var policy = build(server).getSpec().getPersistentVolumeClaimRetentionPolicy();
        assertThat(policy.getWhenDeleted()).isEqualTo("Delete");
        assertThat(policy.getWhenScaled()).isEqualTo("Retain");
    }

    @Test
    void nfsOnlyAndSmbOnlyExposeOnlyTheirPort() {
        DittoServer nfsOnly = Fixtures.basic();
        nfsOnly.getSpec().getSmb().setEnabled(false);
        assertThat(ports(build(nfsOnly))).isEqualTo(Map.of("api", 8080, "nfs", 12049));
        DittoServer smbOnly = Fixtures.basic();
        smbOnly.getSpec().getNfs().setEnabled(false);
        assertThat(ports(build(smbOnly))).isEqualTo(Map.of("api", 8080, "smb", 1445));
    }

    @Test
    void portmapperListensOnTcpAndUdpAndUdpAddsTheNfsPortOverUdp() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getNfs().setPortmapper(new NfsFeatureSpec(true));
        server.getSpec().getNfs().setUdp(new NfsFeatureSpec(true));
        assertThat(build(server).getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                .extracting(p -> p.getName(), p -> p.getContainerPort(), p -> p.getProtocol())
                .contains(org.assertj.core.api.Assertions.tuple("portmap", 10111, "TCP"),
                        org.assertj.core.api.Assertions.tuple("portmap-udp", 10111, "UDP"),
                        org.assertj.core.api.Assertions.tuple("nfs-udp", 12049, "UDP"));
        server.getSpec().getNfs().setUdp(null);
        assertThat(ports(build(server))).doesNotContainKey("nfs-udp").containsKey("portmap-udp");
    }

    /** The root filesystem is read-only: a log file needs the writable log directory, and only then. */
    @Test
    void aLogFileGetsAWritableLogDirectory() {
        DittoServer server = Fixtures.basic();
        assertThat(dfs(build(server)).getVolumeMounts()).noneMatch(m -> m.getMountPath().equals("/var/log/dittofs"));
        server.getSpec().getLogging().setOutput("/var/log/dittofs/dfs.log");
        StatefulSet sts = build(server);
        assertThat(dfs(sts).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/var/log/dittofs");
            assertThat(m.getReadOnly()).isNull();
            assertThat(sts.getSpec().getTemplate().getSpec().getVolumes())
                    .anySatisfy(v -> assertThat(v.getName()).isEqualTo(m.getName())
                            .satisfies(n -> assertThat(v.getEmptyDir()).isNotNull()));
        });
    }

    @Test
    void metricsEnabledAddsTheMetricsPort() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        assertThat(ports(build(server))).containsEntry("metrics", 9090);
    }

    @Test
    void replicasZeroStopsThePod() {
        DittoServer server = Fixtures.basic();
        server.getSpec().setReplicas(0);
        assertThat(build(server).getSpec().getReplicas()).isZero();
    }

    @Test
    void s3CredentialsAreInjectedAsAwsSdkVariables() {
        DittoServer server = Fixtures.s3();
        StatefulSet sts = build(server, Fixtures.secret("my-dittofs-s3",
                Map.of("accessKeyId", "AKIA", "secretAccessKey", "shh")));
        assertThat(env(sts, "AWS_ACCESS_KEY_ID").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("accessKeyId");
        assertThat(env(sts, "AWS_SECRET_ACCESS_KEY").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("my-dittofs-s3");
        assertThat(env(sts, "AWS_REGION").getValue()).isEqualTo("eu-west-1");
        assertThat(env(sts, "AWS_ENDPOINT_URL")).isNull();
        server.getSpec().getS3().setEndpoint("http://minio:9000");
        assertThat(env(build(server, Fixtures.secret("my-dittofs-s3",
                Map.of("accessKeyId", "AKIA", "secretAccessKey", "shh"))), "AWS_ENDPOINT_URL").getValue())
                .isEqualTo("http://minio:9000");
    }

    @Test
    void postgresSecretKeysBecomeDittofsDatabaseVariablesAcceptingDbname() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getDatabase().setType(DatabaseType.POSTGRES);
        server.getSpec().getDatabase().setPostgresSecretRef(new LocalObjectReference("pg"));
        StatefulSet sts = build(server, Fixtures.secret("pg",
                Map.of("host", "db", "dbname", "dittofs", "user", "u", "password", "p")));
        assertThat(env(sts, "DITTOFS_DATABASE_POSTGRES_HOST").getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("host");
        assertThat(env(sts, "DITTOFS_DATABASE_POSTGRES_DATABASE").getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("dbname");
        assertThat(env(sts, "DITTOFS_DATABASE_POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("pg");
        assertThat(env(sts, "DITTOFS_DATABASE_POSTGRES_PORT")).as("optional key absent").isNull();
        assertThat(env(sts, "DATABASE_URL")).as("dfs never reads DATABASE_URL").isNull();
    }

    @Test
    void customSchedulingAndSecurityContextsAreApplied() {
        DittoServer server = Fixtures.basic();
        server.getSpec().setNodeSelector(Map.of("disk", "ssd"));
        server.getSpec().setTolerations(List.of(new TolerationBuilder().withKey("storage").withOperator("Exists")
                .withEffect("NoSchedule").build()));
        server.getSpec().setPriorityClassName("high");
        server.getSpec().setPodLabels(Map.of("team", "files", "app.kubernetes.io/name", "override"));
        server.getSpec().setPodAnnotations(Map.of("backup", "daily"));
        server.getSpec().setResources(new ResourceRequirementsBuilder()
                .addToLimits("memory", new Quantity("1Gi")).build());
        server.getSpec().setSecurityContext(new SecurityContextBuilder().withRunAsUser(1000L).build());
        server.getSpec().setPodSecurityContext(new PodSecurityContextBuilder().withFsGroup(2000L).build());
        StatefulSet sts = build(server);
        var pod = sts.getSpec().getTemplate();
        assertThat(pod.getSpec().getNodeSelector()).isEqualTo(Map.of("disk", "ssd"));
        assertThat(pod.getSpec().getTolerations()).hasSize(1);
        assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("high");
        assertThat(pod.getMetadata().getLabels()).containsEntry("team", "files")
                .containsEntry("app.kubernetes.io/name", "dittofs");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("backup", "daily");
        assertThat(dfs(sts).getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"));
        assertThat(dfs(sts).getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(pod.getSpec().getSecurityContext().getFsGroup()).isEqualTo(2000L);
    }

    @Test
    void dfsLeavesTheEndOfItsLogInItsStatusAndTheDefaultPodHasNoInitContainer() {
        StatefulSet sts = build(Fixtures.basic());
        assertThat(dfs(sts).getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
        // empty, not null: JOSDK's server-side-apply matcher reads its size (an NPE on every reconcile otherwise)
        assertThat(sts.getSpec().getTemplate().getSpec().getInitContainers()).as("restricted by default").isNotNull()
                .isEmpty();
    }

    @Test
    void volumePermissionsAddsARootInitContainerThatChownsTheDataVolumesOnly() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getStorage().setContentSize("50Gi");
        VolumePermissionsSpec permissions = new VolumePermissionsSpec();
        permissions.setEnabled(true);
        server.getSpec().getStorage().setVolumePermissions(permissions);
        var pod = build(server).getSpec().getTemplate().getSpec();
        assertThat(pod.getInitContainers()).hasSize(1);
        Container init = pod.getInitContainers().get(0);
        assertThat(init.getName()).isEqualTo(Names.VOLUME_PERMISSIONS_CONTAINER).isEqualTo("volume-permissions");
        assertThat(init.getImage()).as("the dfs image: Alpine, with sh, stat and chown").isEqualTo(dfs(build(server))
                .getImage());
        assertThat(init.getCommand()).containsExactly("/bin/sh");
        assertThat(init.getArgs()).containsExactly("-c", VolumePermissions.SCRIPT, "volume-permissions",
                "65532:65532", "/data/metadata", "/data/cache", "/data/content");
        assertThat(init.getVolumeMounts()).extracting(m -> m.getName())
                .containsExactly("metadata", "cache", "content");
        var security = init.getSecurityContext();
        assertThat(security.getRunAsUser()).isZero();
        assertThat(security.getRunAsNonRoot()).isFalse();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).containsExactly("CHOWN", "DAC_OVERRIDE");
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(init.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("dfs itself stays non-root").isTrue();
    }

    @Test
    void volumePermissionsFollowsTheUsersSecurityContextAndImage() {
        DittoServer server = Fixtures.basic();
        VolumePermissionsSpec permissions = new VolumePermissionsSpec();
        permissions.setEnabled(true);
        permissions.setImage("busybox:1.37.0");
        server.getSpec().getStorage().setVolumePermissions(permissions);
        server.getSpec().setPodSecurityContext(new PodSecurityContextBuilder().withRunAsUser(1000L)
                .withFsGroup(2000L).build());
        Container init = build(server).getSpec().getTemplate().getSpec().getInitContainers().get(0);
        assertThat(init.getImage()).isEqualTo("busybox:1.37.0");
        assertThat(init.getArgs()).containsExactly("-c", VolumePermissions.SCRIPT, "volume-permissions",
                "1000:2000", "/data/metadata", "/data/cache");

        server.getSpec().setSecurityContext(new SecurityContextBuilder().withRunAsUser(3000L).build());
        assertThat(VolumePermissions.owner(server.getSpec())).as("the container's runAsUser wins").isEqualTo(
                "3000:2000");
        server.getSpec().setPodSecurityContext(new PodSecurityContextBuilder().withRunAsGroup(4000L).build());
        server.getSpec().setSecurityContext(null);
        assertThat(VolumePermissions.owner(server.getSpec())).as("the image's user, the pod's group").isEqualTo(
                "65532:4000");
        permissions.setEnabled(false);
        assertThat(build(server).getSpec().getTemplate().getSpec().getInitContainers()).isNullOrEmpty();
    }

    @Test
    void hashChangesWithConfigOrSecretValuesAndNothingElse() {
        DittoServer server = Fixtures.s3();
        Secret v1 = Fixtures.secret("my-dittofs-s3", Map.of("accessKeyId", "AKIA", "secretAccessKey", "one"));
        Secret v2 = Fixtures.secret("my-dittofs-s3", Map.of("accessKeyId", "AKIA", "secretAccessKey", "two"));
        String base = hash(build(server, v1));
        assertThat(hash(build(server, v1))).isEqualTo(base);
        assertThat(hash(build(server, v2))).as("rotated Secret").isNotEqualTo(base);

        server.getSpec().getService().setAnnotations(Map.of("lb", "internal"));
        server.getMetadata().setGeneration(7L);
        assertThat(hash(build(server, v1))).as("service annotation and generation").isEqualTo(base);

        server.getSpec().getLogging().setLevel(com.dittofs.operator.api.v1alpha1.LogLevel.DEBUG);
        assertThat(hash(build(server, v1))).as("config change").isNotEqualTo(base);
    }

    @Test
    void selectorNeverContainsMutableLabels() {
        DittoServer server = Fixtures.basic();
        server.getSpec().setImage("marmos91c/dittofs:v0.30.0");
        assertThat(build(server).getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
                "app.kubernetes.io/name", "dittofs", "app.kubernetes.io/instance", "my-dittofs",
                "app.kubernetes.io/component", "server"));
    }
}
