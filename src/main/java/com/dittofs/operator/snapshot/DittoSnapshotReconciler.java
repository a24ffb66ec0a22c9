package com.dittofs.operator.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoSnapshot;
import com.dittofs.operator.api.v1alpha1.DittoSnapshotStatus;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.SnapshotPhase;
import com.dittofs.operator.config.SnapshotSettings;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.reconciler.DfsAccess;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.quarkiverse.operatorsdk.annotations.RBACRule;

/**
 * Takes one dfs snapshot per DittoSnapshot and reports it; its finalizer deletes the snapshot in dfs with the
 * resource (deletionPolicy Delete) and is never held forever. The server and its share are looked up on each pass;
 * nothing watches them, so a snapshot waiting for its server is looked at again after a while.
 */
@ControllerConfiguration(name = DittoSnapshotReconciler.NAME)
// The DittoServer named in spec.server (read for its shares and address) and its Secrets (the admin password, the
// CA); events on DittoSnapshots.
@RBACRule(apiGroups = "dittofs.dittofs.com", resources = "dittoservers", verbs = {"get"})
@RBACRule(apiGroups = "", resources = "secrets", verbs = {"get"})
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
public class DittoSnapshotReconciler implements Reconciler<DittoSnapshot>, Cleaner<DittoSnapshot> {

    public static final String NAME = Names.SNAPSHOT_CONTROLLER;
    /** A snapshot waiting for its server or share (nothing announces them) is looked at again after this long. */
    static final Duration WAITING_RECHECK = Duration.ofSeconds(20);

    @Inject
    DfsAccess access;

    @Inject
    SnapshotSettings settings;

    Clock clock = Clock.systemUTC();

    @Override
    public UpdateControl<DittoSnapshot> reconcile(DittoSnapshot snapshot, Context<DittoSnapshot> context) {
        if (SnapshotStatuses.terminal(snapshot.getStatus())) {
            return UpdateControl.noUpdate();
        }
        Instant now = clock.instant();
        SnapshotTaker.Step step = take(snapshot, context, now);
        if (SnapshotStatuses.changed(snapshot.getStatus(), step.status())) {
            PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(snapshot, patch(snapshot, step.status()),
                    context);
        }
        UpdateControl<DittoSnapshot> control = UpdateControl.noUpdate();
        if (step.recheck() != null) {
            control.rescheduleAfter(step.recheck());
        }
        return control;
    }

    private SnapshotTaker.Step take(DittoSnapshot snapshot, Context<DittoSnapshot> context, Instant now) {
        DittoSnapshotStatus status = SnapshotStatuses.next(snapshot);
        SnapshotPhase waiting = status.getSnapshotId() == null ? SnapshotPhase.Pending : SnapshotPhase.Running;
        String serverName = snapshot.getSpec().getServer();
        String share = snapshot.getSpec().getShare();
        Optional<DittoServer> server = server(snapshot, context);
        if (server.isEmpty()) {
            return waiting(status, waiting, ConditionTypes.REASON_SERVER_NOT_FOUND, "There is no DittoServer "
                    + serverName + " in namespace " + snapshot.getMetadata().getNamespace() + ".", now);
        }
        if (!declares(server.get(), share)) {
            return waiting(status, waiting, ConditionTypes.REASON_SHARE_NOT_FOUND, "DittoServer " + serverName
                    + " declares no share " + share + " in spec.shares.", now);
        }
        try {
            Optional<DfsClient> dfs = access.adminClient(server.get(), context.getClient());
            if (dfs.isEmpty()) {
                return waiting(status, waiting, ConditionTypes.REASON_WAITING_FOR_SERVER, "Waiting for the pod of"
                        + " DittoServer " + serverName + " to become ready.", now);
            }
            return SnapshotTaker.advance(snapshot, dfs.get().shareSnapshots(), now, settings.pollInterval());
        } catch (DfsTls.UnusableCaException e) {
            return waiting(status, waiting, ConditionTypes.REASON_TLS_NOT_TRUSTED, e.getMessage(), now);
        }
    }

    @Override
    public DeleteControl cleanup(DittoSnapshot snapshot, Context<DittoSnapshot> context) {
        Instant now = clock.instant();
        Optional<DittoServer> server = server(snapshot, context);
        FinalizerDecision decision = FinalizerDecision.before(snapshot, server.isPresent());
        if (decision.action() == FinalizerDecision.Action.DELETE_IN_DFS) {
            decision = SnapshotRemoval.remove(snapshot, server.get(), access, context.getClient(), now,
                    settings.deletionTimeout());
        }
        if (decision.eventReason() != null) {
            if (EventRecorder.WARNING.equals(decision.eventType())) {
                EventRecorder.warning(context.getClient(), snapshot, decision.eventReason(), decision.message());
            } else {
                EventRecorder.normal(context.getClient(), snapshot, decision.eventReason(), decision.message());
            }
        }
        return decision.action() == FinalizerDecision.Action.RETRY
                ? DeleteControl.noFinalizerRemoval().rescheduleAfter(decision.retryIn())
                : DeleteControl.defaultDelete();
    }

    private static Optional<DittoServer> server(DittoSnapshot snapshot, Context<DittoSnapshot> context) {
        return Optional.ofNullable(context.getClient().resources(DittoServer.class)
                .inNamespace(snapshot.getMetadata().getNamespace()).withName(snapshot.getSpec().getServer()).get());
    }

    /** Whether the server declares the share (and not absent). */
    static boolean declares(DittoServer server, String share) {
        return server.getSpec() != null && server.getSpec().getShares() != null && server.getSpec().getShares()
                .stream().anyMatch(s -> share.equals(s.getName()) && s.getEnsure() != Ensure.ABSENT);
    }

    private static SnapshotTaker.Step waiting(DittoSnapshotStatus status, SnapshotPhase phase, String reason,
            String message, Instant now) {
        return new SnapshotTaker.Step(SnapshotStatuses.set(status, phase, reason, message, now), WAITING_RECHECK);
    }

    /** Identity plus the new status: no resourceVersion, so a concurrent edit cannot fail the apply. */
    private static DittoSnapshot patch(DittoSnapshot snapshot, DittoSnapshotStatus status) {
        DittoSnapshot patch = new DittoSnapshot();
        patch.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(snapshot.getMetadata().getName())
                .withNamespace(snapshot.getMetadata().getNamespace())
                .withUid(snapshot.getMetadata().getUid())
                .build());
        patch.setStatus(status);
        return patch;
    }
}
