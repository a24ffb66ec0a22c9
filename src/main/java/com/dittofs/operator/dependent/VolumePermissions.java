package com.dittofs.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.VolumePermissionsSpec;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * The opt-in init container of spec.storage.volumePermissions: gives the roots of the data volumes to the user dfs
 * runs as, for storage that ignores fsGroup. Recursive only where a root's owner differs (a first start on a fresh
 * volume, or a changed UID), so a restart costs one stat per volume, like fsGroupChangePolicy OnRootMismatch.
 */
public final class VolumePermissions {

    /**
     * Run as {@code sh -c SCRIPT volume-permissions UID:GID DIR...}. Prints what it changes (the container's log).
     * Exits non-zero when a chown fails (e.g. NFS with root_squash), so the pod does not start dfs on an unusable
     * volume and the failure shows as this container's.
     */
    static final String SCRIPT = "set -eu; owner=$1; shift; for d in \"$@\"; do"
            + " now=$(stat -c %u:%g \"$d\");"
            + " if [ \"$now\" != \"$owner\" ]; then echo \"$d: owner $now, chown -R $owner\"; chown -R \"$owner\" \"$d\";"
            + " else echo \"$d: owner $owner already\"; fi; done";
    /** What the chown needs (DAC_OVERRIDE: to walk trees another UID wrote): both in Pod Security "baseline". */
    public static final List<String> CAPABILITIES = List.of("CHOWN", "DAC_OVERRIDE");

    private VolumePermissions() {
    }

    /** The init container, or empty when spec.storage.volumePermissions is not enabled. */
    static Optional<Container> initContainer(DittoServerSpec spec) {
        if (!VolumePermissionsSpec.enabledIn(spec)) {
            return Optional.empty();
        }
        String image = spec.getStorage().getVolumePermissions().getImage();
        List<VolumeMount> mounts = PodTemplates.dataMounts(spec);
        List<String> args = new ArrayList<>(List.of("-c", SCRIPT, Names.VOLUME_PERMISSIONS_CONTAINER, owner(spec)));
        mounts.forEach(m -> args.add(m.getMountPath()));
        return Optional.of(new ContainerBuilder()
                .withName(Names.VOLUME_PERMISSIONS_CONTAINER)
                .withImage(image == null ? spec.getImage() : image)
                .withImagePullPolicy(spec.getImagePullPolicy().name())
                .withCommand("/bin/sh")
                .withArgs(args)
                .withVolumeMounts(mounts)
                .withNewResources()
                .addToRequests("cpu", new Quantity("10m"))
                .addToRequests("memory", new Quantity("16Mi"))
                .addToLimits("memory", new Quantity("64Mi"))
                .endResources()
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withSecurityContext(rootWithChown())
                .build());
    }

    /** UID:GID the volumes are given to: whom dfs runs as, and the group the kubelet would have applied. */
    public static String owner(DittoServerSpec spec) {
        PodSecurityContext pod = PodTemplates.podSecurity(spec);
        SecurityContext container = PodTemplates.containerSecurity(spec);
        Long uid = first(container.getRunAsUser(), pod.getRunAsUser(), PodTemplates.DFS_UID);
        Long gid = first(pod.getFsGroup(), container.getRunAsGroup(), pod.getRunAsGroup(), PodTemplates.DFS_UID);
        return uid + ":" + gid;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        throw new IllegalArgumentException("no value");
    }

    /** Root with CHOWN and DAC_OVERRIDE only: no privilege escalation, read-only root filesystem, RuntimeDefault. */
    private static SecurityContext rootWithChown() {
        return new SecurityContextBuilder()
                .withRunAsUser(0L)
                .withRunAsGroup(0L)
                .withRunAsNonRoot(false)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").withAdd(CAPABILITIES).endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }
}
