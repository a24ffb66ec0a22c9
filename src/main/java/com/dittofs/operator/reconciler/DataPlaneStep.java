package com.dittofs.operator.reconciler;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.ExecutorService;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.config.DataPlaneSettings;
import com.dittofs.operator.dataplane.DataPlaneReport;
import com.dittofs.operator.dataplane.DataPlaneSync;
import com.dittofs.operator.dataplane.DesiredDataPlane;
import com.dittofs.operator.dataplane.DesiredIdentity;
import com.dittofs.operator.dataplane.DesiredKerberos;
import com.dittofs.operator.dataplane.KerberosSync;
import com.dittofs.operator.dataplane.IdentityProviderSync;
import com.dittofs.operator.dataplane.ManagedAccess;
import com.dittofs.operator.dataplane.Ownership;
import com.dittofs.operator.dataplane.PasswordLedger;
import com.dittofs.operator.dataplane.SyncBackoff;
import com.dittofs.operator.dataplane.SyncDeadline;
import com.dittofs.operator.dataplane.SyncScheduler;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsBuildInfo;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.DfsEndpoint;
import com.dittofs.operator.dfsclient.DfsTls;
import com.dittofs.operator.dfsclient.DfsVersionReader;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.events.DataPlaneChanges;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.events.EventReasons;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * Converges the dfs data plane (adapters, stores, shares) through the server's REST API once its pod is ready, as
 * the admin whose password the operator holds. Failures become the DataPlaneReady condition; the file server is
 * never restarted to fix a data-plane problem.
 *
 * <p>
 * The REST calls never run on a reconcile thread: a reconcile hands the sync to {@link SyncScheduler} (at most one
 * in flight per server, hung servers on a lane of their own) and reports the latest result; the end of a sync
 * triggers the next reconcile through {@link #eventSource()}, which publishes it.
 */
@ApplicationScoped
public class DataPlaneStep {

    /** Everything a sync depends on: a finished sync is published only if the server still asks for exactly this. */
    private record SyncRequest(URI uri, String password, DfsTls tls, DesiredDataPlane desired, Ownership managed,
            ManagedAccess managedAccess, Ownership policies, String podUid, URI metrics, String metricsToken,
            DesiredIdentity identity, DesiredKerberos kerberos) {
        @Override
        public String toString() {
            return "SyncRequest[" + uri + "]"; // never the password
        }
    }

    @Inject
    DfsClientFactory clients;

    @Inject
    DataPlaneSettings settings;

    @Inject
    DfsVersionReader versionReader;

    @Inject
    RestoreHolds restores;

    @Inject
    DfsAccess access;

    @Inject
    SnapshotWatchRunner snapshots;

    private final DataPlaneEvents events = new DataPlaneEvents(this::forget);
    private final PasswordLedger passwords = new PasswordLedger();
    private ExecutorService mainLane;
    private ExecutorService suspectLane;
    private SyncScheduler<ResourceID, DataPlaneOutcome> syncs;
    private SyncRetries retries;
    private ApiAddresses addresses;
    private DfsVersions versions;

    @PostConstruct
    void start() {
        mainLane = SyncLanes.lane("dfs-sync", settings.syncThreads());
        suspectLane = SyncLanes.lane("dfs-sync-suspect", settings.suspectSyncThreads());
        addresses = new ApiAddresses(uri -> {
            clients.evict(uri);
            passwords.forgetServer(uri.toString()); // the ledger is keyed by address: drop the one no longer used
        });
        versions = new DfsVersions((uri, token) -> versionReader.read(uri, token).map(DfsBuildInfo::version),
                Clock.systemUTC());
        retries = new SyncRetries(new SyncBackoff(settings.retryInitial(), settings.retryMax()), Clock.systemUTC());
        restores.onRelease(events::propagateEvent); // a restore ended: the server's next reconcile syncs again
        snapshots.onNews(events::propagateEvent); // a new snapshot: the server's next reconcile shows it
        syncs = new SyncScheduler<>(mainLane, suspectLane, DataPlaneOutcome::serverSilent,
                e -> DataPlaneOutcomes.crashed(e, null, null), events::propagateEvent);
    }

    @PreDestroy
    void stop() {
        mainLane.shutdownNow();
        suspectLane.shutdownNow();
    }

    /** Announces finished syncs to the controller; register it with the reconciler's event sources. */
    DataPlaneEvents eventSource() {
        return events;
    }

    /** @param referenced the user Secrets found, by name (the declared users' passwords among them) */
    DataPlaneOutcome run(DittoServer server, PodInputs inputs, Map<String, Secret> referenced, boolean podReady,
            KubernetesClient client) {
        Ownership managed = OwnershipStatus.shares(server);
        if (!inputs.secrets().complete()) {
            access.ensureCa(server, client); // clientAuth: {} waits for the namespace's CA
        }
        if (!settings.enabled()) {
            return new DataPlaneOutcome(true, ConditionTypes.REASON_NOT_MANAGED,
                    "The operator does not manage adapters, stores and shares (dittofs.operator.data-plane.enabled"
                            + " is false)", null, managed);
        }
        if (!podReady || !inputs.secrets().complete()) {
            return DataPlaneOutcomes.waiting(server, managed, "Waiting for the server pod to become ready");
        }
        Optional<String> restore = restores.holder(ResourceID.fromResource(server));
        if (restore.isPresent()) {
            return new DataPlaneOutcome(false, ConditionTypes.REASON_RESTORE_IN_PROGRESS, "DittoSnapshotRestore "
                    + restore.get() + " is restoring the shares; the sync resumes when it ends",
                    DataPlaneOutcomes.currentShares(server), managed);
        }
        Pod pod = access.serverPod(server, client);
        Optional<URI> uri = access.apiUri(server, pod);
        if (uri.isEmpty()) {
            return DataPlaneOutcomes.waiting(server, managed, "Waiting for the server pod's address");
        }
        String password = DfsAccess.value(inputs.secrets(), PodEnvironment.ADMIN_PASSWORD_ENV).orElseThrow();
        Optional<DesiredDataPlane.S3Credentials> s3 = DfsAccess.value(inputs.secrets(), PodEnvironment.S3_ACCESS_KEY_ID_ENV)
                .map(id -> new DesiredDataPlane.S3Credentials(id,
                        DfsAccess.value(inputs.secrets(), PodEnvironment.S3_SECRET_ACCESS_KEY_ENV).orElse(""),
                        DfsAccess.value(inputs.secrets(), PodEnvironment.S3_ENDPOINT_ENV).orElse(null)));
        ResourceID id = ResourceID.fromResource(server);
        addresses.use(id, uri.get());
        String podUid = pod == null ? null : pod.getMetadata().getUid();
        SyncRequest request = new SyncRequest(uri.get(), password, access.tls(server, inputs.secrets(), client),
                DesiredDataPlane.from(server.getSpec(), s3, UserPasswords.resolve(server, referenced)), managed,
                OwnershipStatus.access(server), OwnershipStatus.snapshotPolicies(server), podUid,
                DfsVersions.metricsUri(server, pod, settings.apiAccess()).orElse(null),
                DfsAccess.metricsToken(inputs.secrets()),
                DirectorySettings.desired(server, referenced), KerberosSettings.desired(server, referenced));
        snapshots.track(server, new DfsEndpoint(uri.get(), password, request.tls()), request.desired().shares());
        List<ShareStatus> sharesBefore = DataPlaneOutcomes.currentShares(server);
        String resetKey = SyncRetries.resetKey(server, referenced, password, podUid);
        var poll = retries.due(id, resetKey)
                ? syncs.poll(id, request, () -> retries.finished(id, resetKey, sync(request, sharesBefore, server,
                        client)))
                : syncs.peek(id, request);
        return retries.annotate(id, resetKey, poll.fresh().or(poll::latest)
                .orElseGet(() -> DataPlaneOutcomes.asBefore(server, managed)))
                .withDfsVersion(versions.reported(id, podUid,
                        server.getStatus() == null ? null : server.getStatus().getDfsVersion()));
    }

    /** Runs on a sync lane. The client's per-call timeouts bound how long a hung dfs holds the lane's thread. */
    private DataPlaneOutcome sync(SyncRequest request, List<ShareStatus> sharesBefore, DittoServer server,
            KubernetesClient client) {
        try {
            DfsClient dfs = clients.client(request.uri(), request.password(), request.tls());
            SyncDeadline deadline = new SyncDeadline(settings.syncDeadline(), Clock.systemUTC());
            DataPlaneReport report = DataPlaneSync.converge(deadline.dataPlane(dfs), deadline.access(dfs),
                    deadline.snapshots(dfs.snapshotApi()), request.desired(), request.managed(),
                    request.managedAccess(), request.policies(), passwords, request.uri().toString());
            // the directory after the data plane: a server that was not reached is not asked again
            IdentityProviderSync.Report identity = report.failure() == null
                    ? IdentityProviderSync.converge(dfs, request.identity(), passwords, request.uri().toString())
                    : null;
            KerberosSync.Report kerberos = report.failure() == null
                    ? KerberosSync.converge(dfs, request.kerberos(), passwords, request.uri().toString())
                    : null;
            if (kerberos != null && kerberos.restart()) {
                ServerRestart.restart(client, server, request.podUid());
            }
            // recorded here, so no change goes unannounced even when a newer request supersedes this result; one
            // event per kind of change, not one per change (a first sync of 50 users makes a hundred)
            List<String> changes = new ArrayList<>(report.changes());
            if (identity != null) {
                changes.addAll(identity.changes());
            }
            if (kerberos != null) {
                changes.addAll(kerberos.changes());
            }
            if (!report.changes().isEmpty()) { // a new policy's series now, not a census cadence later
                snapshots.changed(ResourceID.fromResource(server));
            }
            DataPlaneChanges.messages(changes).forEach(message -> EventRecorder.normal(client, server,
                    EventReasons.DATA_PLANE_CHANGED, message));
            DataPlaneOutcome outcome = DataPlaneOutcomes.withIdentity(DataPlaneOutcomes.of(report, sharesBefore),
                    identity == null ? null : identity.problem(), kerberos == null ? null : kerberos.problem());
            if (!outcome.serverSilent()) {
                versions.refresh(ResourceID.fromResource(server), request.podUid(), request.metrics(),
                        request.metricsToken());
            }
            return outcome;
        } catch (DfsTls.UnusableCaException e) {
            return new DataPlaneOutcome(false, ConditionTypes.REASON_TLS_NOT_TRUSTED, e.getMessage(), sharesBefore,
                    request.managed());
        } catch (RuntimeException e) {
            return DataPlaneOutcomes.crashed(e, sharesBefore, request.managed());
        }
    }

    /** How long until a failed server's next sync attempt, if one waits. */
    Optional<java.time.Duration> nextAttemptIn(DittoServer server) {
        return retries.nextIn(ResourceID.fromResource(server));
    }

    private void forget(ResourceID server) {
        snapshots.forget(server);
        syncs.forget(server);
        retries.forget(server);
        addresses.forget(server);
        versions.forget(server);
    }
}
