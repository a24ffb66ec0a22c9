package com.dittofs.operator.reconciler;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.VolumePermissionsSpec;
import com.dittofs.operator.dependent.VolumePermissions;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Why the server pod keeps failing, from its container statuses: the reason and message of Available and Ready
 * while the pod is not ready. Pure. Empty while the pod is only on its way (scheduling, pulling, starting).
 *
 * <p>
 * The dfs container's terminationMessagePolicy is FallbackToLogsOnError, so the kubelet puts the end of the log of
 * a dfs that exited in error into {@code lastState.terminated.message}: that is where a data volume dfs cannot write
 * is recognised. Messages are stable from one restart to the next (no restart counts, no timestamps), so a crash loop
 * makes one Warning event and one status write, not one per restart.
 */
final class PodFailures {

    /** @param reason a reason of {@link ConditionTypes} */
    record Failure(String reason, String message) {
    }

    private static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");
    private static final String CRASH_LOOP = "CrashLoopBackOff";
    /** "permission denied" or "read-only file system" naming a path on a data volume (Go's *PathError). */
    private static final Pattern PATH_NOT_WRITABLE = Pattern.compile(
            "(" + Pattern.quote(Names.DATA_DIR) + "/(" + Names.VOLUME_METADATA + "|" + Names.VOLUME_CACHE + "|"
                    + Names.VOLUME_CONTENT + "))[^\\s\"]*:? (permission denied|read-only file system)",
            Pattern.CASE_INSENSITIVE);
    /**
     * SQLite's words when it cannot create or write its file: the control-plane database, on the metadata volume.
     * ("unable to open database file: out of memory (14)" is SQLITE_CANTOPEN, whatever the "out of memory" says.)
     */
    private static final Pattern SQLITE_NOT_WRITABLE = Pattern.compile(
            "unable to open database file|attempt to write a readonly database|\\(14\\)|SQLITE_CANTOPEN|SQLITE_READONLY",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_ONLY = Pattern.compile("read-only file system", Pattern.CASE_INSENSITIVE);

    private PodFailures() {
    }

    /**
     * @param pod the server pod, or null when there is none (yet)
     * @param secretValues values of the Secrets the pod references: never repeated from a log into the status
     */
    static Optional<Failure> of(DittoServer server, Pod pod, Collection<String> secretValues) {
        if (pod == null || pod.getStatus() == null) {
            return Optional.empty();
        }
        String podName = pod.getMetadata() == null ? Names.serverPod(server) : pod.getMetadata().getName();
        for (ContainerStatus init : list(pod.getStatus().getInitContainerStatuses())) {
            if (Names.VOLUME_PERMISSIONS_CONTAINER.equals(init.getName())) {
                Optional<Failure> f = initFailure(server, init, podName, secretValues);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return list(pod.getStatus().getContainerStatuses()).stream()
                .filter(c -> Names.CONTAINER.equals(c.getName()))
                .findFirst()
                .flatMap(dfs -> dfsFailure(server, dfs, podName, secretValues));
    }

    private static Optional<Failure> initFailure(DittoServer server, ContainerStatus init, String podName,
            Collection<String> secretValues) {
        if (imagePullFailing(init)) {
            return Optional.of(new Failure(ConditionTypes.REASON_IMAGE_PULL_FAILED, "The node cannot pull the image "
                    + init.getImage() + " of the " + Names.VOLUME_PERMISSIONS_CONTAINER + " init container: check"
                    + " spec.storage.volumePermissions.image and spec.imagePullSecrets; kubectl describe pod " + podName
                    + " shows the registry's answer."));
        }
        return failedTermination(init).map(t -> new Failure(ConditionTypes.REASON_VOLUME_PERMISSIONS_FAILED,
                "The " + Names.VOLUME_PERMISSIONS_CONTAINER + " init container cannot give the data volumes to "
                        + VolumePermissions.owner(server.getSpec()) + " (exit code " + t.getExitCode()
                        + TerminationLog.lastError(t.getMessage(), secretValues) + "): its image needs sh, stat and chown, and NFS with"
                        + " root_squash refuses root's chown (chown on the NFS server). kubectl logs " + podName
                        + " -c " + Names.VOLUME_PERMISSIONS_CONTAINER));
    }

    private static Optional<Failure> dfsFailure(DittoServer server, ContainerStatus dfs, String podName,
            Collection<String> secretValues) {
        DittoServerSpec spec = server.getSpec();
        if (imagePullFailing(dfs)) {
            return Optional.of(new Failure(ConditionTypes.REASON_IMAGE_PULL_FAILED, "The node cannot pull the image "
                    + dfs.getImage() + ": check spec.image and spec.imagePullSecrets; kubectl describe pod " + podName
                    + " shows the registry's answer."));
        }
        Optional<ContainerStateTerminated> failed = failedTermination(dfs);
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        ContainerStateTerminated t = failed.get();
        Optional<String> volume = notWritableVolume(t.getMessage());
        if (volume.isPresent()) {
            return Optional.of(new Failure(ConditionTypes.REASON_VOLUME_NOT_WRITABLE,
                    volumeMessage(server, volume.get(), READ_ONLY.matcher(t.getMessage()).find())));
        }
        if ("OOMKilled".equals(t.getReason())) {
            Quantity limit = spec.getResources() == null || spec.getResources().getLimits() == null ? null
                    : spec.getResources().getLimits().get("memory");
            return Optional.of(new Failure(ConditionTypes.REASON_OOM_KILLED, "dfs was killed for using more memory than"
                    + " its limit" + (limit == null ? "" : " (" + limit + ")") + " and keeps being restarted: raise"
                    + " spec.resources.limits.memory."));
        }
        if (!inCrashLoop(dfs)) {
            return Optional.empty(); // exited once: the kubelet restarts it at once; a loop is reported once it is one
        }
        return Optional.of(new Failure(ConditionTypes.REASON_CRASH_LOOP_BACK_OFF, "dfs keeps exiting (exit code "
                + t.getExitCode() + TerminationLog.lastError(t.getMessage(), secretValues) + "); kubectl logs " + podName
                + " --previous has its log."));
    }

    /** The dfs message for a volume it cannot write: the volume, the UID/GID, why, and the three ways out. */
    static String volumeMessage(DittoServer server, String volume, boolean readOnly) {
        String claim = Names.claim(server, volume);
        if (readOnly) {
            return "dfs cannot write to its " + volume + " volume (claim " + claim + "): the volume is mounted"
                    + " read-only. Check the PersistentVolume behind the claim and its storage.";
        }
        String owner = VolumePermissions.owner(server.getSpec());
        if (VolumePermissionsSpec.enabledIn(server.getSpec())) {
            return "dfs cannot write to its " + volume + " volume (claim " + claim + ") as " + owner + ", although the "
                    + Names.VOLUME_PERMISSIONS_CONTAINER + " init container ran: the storage refuses the change (NFS"
                    + " with root_squash?). Make the volume's directory writable by " + owner + " on the storage side.";
        }
        return "dfs cannot write to its " + volume + " volume (claim " + claim + ") as UID:GID " + owner + ": the"
                + " volume's storage ignores fsGroup (hostPath, some NFS and local-path provisioners). Set"
                + " spec.storage.volumePermissions.enabled: true (needs Pod Security baseline), chown the volume's"
                + " directory to " + owner + ", or use a StorageClass that honours fsGroup.";
    }

    /** The data volume a termination message says dfs cannot write, if it says so. */
    static Optional<String> notWritableVolume(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        Matcher path = PATH_NOT_WRITABLE.matcher(message);
        if (path.find()) {
            return Optional.of(path.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        return SQLITE_NOT_WRITABLE.matcher(message).find() ? Optional.of(Names.VOLUME_METADATA) : Optional.empty();
    }

    /**
     * The termination of a container that exited in error (or was OOM-killed) and is not running now: its current
     * state, or, while the kubelet waits to restart it, its last one. Empty while it runs again.
     */
    private static Optional<ContainerStateTerminated> failedTermination(ContainerStatus status) {
        ContainerState state = status.getState();
        if (state == null || state.getRunning() != null) {
            return Optional.empty(); // running (again): starting, perhaps fixed; a new failure shows when it exits
        }
        ContainerStateTerminated t = state.getTerminated() != null ? state.getTerminated()
                : status.getLastState() == null ? null : status.getLastState().getTerminated();
        if (t == null || t.getExitCode() == null || t.getExitCode() == 0 && !"OOMKilled".equals(t.getReason())) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    private static boolean inCrashLoop(ContainerStatus status) {
        return status.getState() != null && status.getState().getWaiting() != null
                && CRASH_LOOP.equals(status.getState().getWaiting().getReason());
    }

    private static boolean imagePullFailing(ContainerStatus status) {
        return status.getState() != null && status.getState().getWaiting() != null
                && IMAGE_PULL.contains(status.getState().getWaiting().getReason());
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
