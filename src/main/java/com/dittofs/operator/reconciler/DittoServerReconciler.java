package com.dittofs.operator.reconciler;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.dependent.AdminSecretDependent;
import com.dittofs.operator.dependent.ApiServiceDependent;
import com.dittofs.operator.dependent.ApiCertificateDependent;
import com.dittofs.operator.dependent.ApiTlsSecretDependent;
import com.dittofs.operator.dependent.CertManagerCertificate;
import com.dittofs.operator.dependent.CertManagerCrdEventSource;
import com.dittofs.operator.dependent.CertManagerInstalled;
import com.dittofs.operator.dependent.CertificateRequested;
import com.dittofs.operator.dependent.ConfigMapDependent;
import com.dittofs.operator.dependent.DatabaseReadiness;
import com.dittofs.operator.dependent.FileServiceDependent;
import com.dittofs.operator.dependent.HeadlessServiceDependent;
import com.dittofs.operator.dependent.JwtSecretDependent;
import com.dittofs.operator.dependent.MetricsEnabled;
import com.dittofs.operator.dependent.MetricsServiceDependent;
import com.dittofs.operator.dependent.NetworkPolicyDependent;
import com.dittofs.operator.dependent.NetworkPolicyEnabled;
import com.dittofs.operator.dependent.Percona;
import com.dittofs.operator.dependent.PerconaClusterDependent;
import com.dittofs.operator.dependent.PerconaCrdEventSource;
import com.dittofs.operator.dependent.PerconaEnabled;
import com.dittofs.operator.dependent.PerconaInstalled;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dependent.PodInputsAvailable;
import com.dittofs.operator.dependent.PrometheusCrdEventSource;
import com.dittofs.operator.dependent.PrometheusInstalled;
import com.dittofs.operator.dependent.ServiceMonitor;
import com.dittofs.operator.dependent.ServiceMonitorDependent;
import com.dittofs.operator.dependent.ServiceMonitorEnabled;
import com.dittofs.operator.dependent.SharedInformers;
import com.dittofs.operator.dependent.StatefulSetDependent;
import com.dittofs.operator.dependent.StatefulSetRecreation;
import com.dittofs.operator.events.CreatedObjects;
import com.dittofs.operator.metrics.OperatorMeters;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import org.jboss.logging.Logger;

/**
 * Reconciles a DittoServer: resolves the Secrets it references, converges every managed object through the
 * workflow, then reports status. Status is written only when it changed.
 */
// Not generation-aware: the pause annotation is metadata (SpecOrPauseChanged lets exactly that through besides the spec).
@ControllerConfiguration(name = DittoServerReconciler.NAME, generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrPauseChanged.class, itemStore = LeanItemStore.class))
@Workflow(explicitInvocation = true, dependents = {
    // The three Secrets the operator may generate decide for themselves whether to (GeneratesJwtSecret,
    // GeneratesAdminSecret, IssuesApiCertificate), so that the config can wait for them: its readiness then sees the
    // Secrets this pass created, and a new server gets its StatefulSet in its first reconcile (one pass, one Created
    // event, no status written while the Secrets reach the cache).
    @Dependent(name = JwtSecretDependent.NAME, type = JwtSecretDependent.class,
            useEventSourceWithName = SharedInformers.GENERATED_SECRETS),
    @Dependent(name = AdminSecretDependent.NAME, type = AdminSecretDependent.class,
            useEventSourceWithName = SharedInformers.GENERATED_SECRETS),
    @Dependent(name = ApiTlsSecretDependent.NAME, type = ApiTlsSecretDependent.class),
    @Dependent(name = DittoServerReconciler.CONFIG, type = ConfigMapDependent.class,
            dependsOn = {JwtSecretDependent.NAME, AdminSecretDependent.NAME, ApiTlsSecretDependent.NAME},
            readyPostcondition = PodInputsAvailable.class),
    @Dependent(name = "headless-service", type = HeadlessServiceDependent.class,
            useEventSourceWithName = SharedInformers.SERVICES),
    @Dependent(name = "file-service", type = FileServiceDependent.class, useEventSourceWithName = SharedInformers.SERVICES),
    @Dependent(name = "api-service", type = ApiServiceDependent.class, useEventSourceWithName = SharedInformers.SERVICES),
    @Dependent(name = "metrics-service", type = MetricsServiceDependent.class,
            reconcilePrecondition = MetricsEnabled.class, useEventSourceWithName = SharedInformers.SERVICES),
    @Dependent(name = "network-policy", type = NetworkPolicyDependent.class,
            reconcilePrecondition = NetworkPolicyEnabled.class),
    @Dependent(name = StatefulSetDependent.NAME, type = StatefulSetDependent.class,
            dependsOn = DittoServerReconciler.CONFIG),
    // A leaf on purpose: a false activation or precondition marks what depends on a node for deletion.
    @Dependent(name = PerconaClusterDependent.NAME, type = PerconaClusterDependent.class,
            activationCondition = PerconaInstalled.class, reconcilePrecondition = PerconaEnabled.class),
    // A leaf too, for the same reason.
    @Dependent(name = ApiCertificateDependent.NAME, type = ApiCertificateDependent.class,
            activationCondition = CertManagerInstalled.class, reconcilePrecondition = CertificateRequested.class),
    // A leaf too.
    @Dependent(name = ServiceMonitorDependent.NAME, type = ServiceMonitorDependent.class,
            activationCondition = PrometheusInstalled.class, reconcilePrecondition = ServiceMonitorEnabled.class),
})
// Labelling referenced Secrets, recording events. (Leader election has its own Role in the operator namespace.)
@RBACRule(apiGroups = "", resources = "secrets", verbs = {"get", "list", "watch", "create", "patch", "update"})
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
// Reading the server pod: its IP for dittofs.operator.data-plane.api-access=pod-ip, its uid for status.dfsVersion, its
// container statuses while it is not ready (why it keeps failing). Deleting it only when it keeps failing on a revision
// the StatefulSet has moved past, which the StatefulSet controller never replaces by itself (StuckRollout).
@RBACRule(apiGroups = "", resources = "pods", verbs = {"get", "delete"})
// Growing the claims the StatefulSet controller created from the templates (volume expansion), and watching their size.
@RBACRule(apiGroups = "", resources = "persistentvolumeclaims", verbs = {"get", "list", "watch", "patch"})
// Whether the Percona, cert-manager and Prometheus Operator CRDs are installed: those CRDs only (each informer lists
// and watches one by name). One rule: rules on the same resources are merged, keeping one rule's names.
@RBACRule(apiGroups = "apiextensions.k8s.io", resources = "customresourcedefinitions",
        resourceNames = {Percona.CRD_NAME, CertManagerCertificate.CRD_NAME, ServiceMonitor.CRD_NAME},
        verbs = {"get", "list", "watch"})
public class DittoServerReconciler implements Reconciler<DittoServer> {

    public static final String NAME = Names.FIELD_MANAGER;
    private static final Logger LOG = Logger.getLogger(DittoServerReconciler.class);
    static final String CONFIG = "config";
    @Inject
    DataPlaneStep dataPlane;

    @Inject
    OperatorMeters meters;

    @Inject
    SnapshotWatchRunner snapshots;

    private InformerEventSource<Secret, DittoServer> referencedSecrets;

    @Override
    public List<EventSource<?, DittoServer>> prepareEventSources(EventSourceContext<DittoServer> context) {
        referencedSecrets = ReferencedSecrets.eventSource(context);
        meters.watch(context.getPrimaryCache());
        return List.of(SharedInformers.services(context), SharedInformers.generatedSecrets(context),
                SharedInformers.namespaceCa(context), referencedSecrets,
                new PerconaCrdEventSource(context), new CertManagerCrdEventSource(context),
                new PrometheusCrdEventSource(context), dataPlane.eventSource(), ServerClaims.eventSource(context),
                new SecretRelease(referencedSecrets, context.getPrimaryCache(), context.getClient()));
    }

    @Override
    public UpdateControl<DittoServer> reconcile(DittoServer server, Context<DittoServer> context) {
        if (Pause.heldWhilePaused(server, context)) {
            return UpdateControl.noUpdate();
        }
        Pause.announceResume(server, context.getClient());
        var workflow = context.managedWorkflowAndDependentResourceContext();
        Map<String, Secret> referenced = ReferencedSecrets.resolve(server, referencedSecrets, context.getClient());
        SecretRelease.release(server.getMetadata().getNamespace(), null, referencedSecrets,
                context.getPrimaryCache(), context.getClient());
        workflow.put(PodInputs.REFERENCED_SECRETS, referenced);
        CreatedObjects created = CreatedObjects.startCollecting(context);
        WorkflowReconcileResult result = workflow.reconcileManagedWorkflow();
        created.announce(context.getClient(), server);
        result.throwAggregateExceptionIfErrorsPresent();

        PodInputs inputs = PodInputs.of(server, context);
        Optional<StatefulSet> statefulSet = StatefulSetRecreation.standIn(server,
                context.getSecondaryResource(StatefulSet.class, StatefulSetDependent.NAME));
        Optional<DatabaseReadiness> database = DatabaseReadiness.of(server, context);
        boolean podReady = server.getSpec().getReplicas() > 0 && StatusAggregator.readyReplicas(statefulSet) > 0;
        DataPlaneOutcome dataPlaneOutcome = dataPlane.run(server, inputs, referenced, podReady, context.getClient());
        Instant now = Instant.now();
        Optional<Pod> awaitedPod = ServerPod.awaitedPod(server, statefulSet, context.getClient());
        Optional<PodFailures.Failure> podFailure = ServerPod.failure(server, awaitedPod, inputs);
        StuckRollout.replaceIfStuck(server, statefulSet, awaitedPod, podFailure, context.getClient());
        DittoServerStatus status = StatusAggregator.aggregate(server, inputs, statefulSet, database, podFailure,
                dataPlaneOutcome, null, now);
        ShareClientEndpoints.apply(server, status, fileService(server, context));
        snapshots.showIn(server, status);
        VolumeExpansion.Outcome volumes = VolumeExpansion.run(server,
                context.getSecondaryResources(PersistentVolumeClaim.class), context.getClient());
        status = VolumesStatus.apply(server, status, volumes, now);
        VolumesStatus.warnOnNewRefusal(server, volumes, context.getClient());
        Problems.warnOnNew(server, status, context.getClient(), "");
        meters.reconciled(true);
        meters.conditionsSeen(status);

        if (StatusWrites.worthWriting(server.getStatus(), status)) {
            StatusWrites.write(server, status, context);
        }
        return Rechecks.control(Rechecks.found(server, inputs, database, result, dataPlaneOutcome,
                dataPlane.nextAttemptIn(server).orElse(Rechecks.DATA_PLANE_RETRY), volumes, statefulSet,
                ApiTlsSecretDependent.renewalDelay(context, now)));
    }

    private static Optional<Service> fileService(DittoServer server, Context<DittoServer> context) {
        String name = Names.fileService(server);
        return context.getSecondaryResources(Service.class).stream()
                .filter(s -> name.equals(s.getMetadata().getName()))
                .findFirst();
    }

    @Override
    public ErrorStatusUpdateControl<DittoServer> updateErrorStatus(DittoServer server, Context<DittoServer> context,
            Exception e) {
        if (StatusWrites.serverGone(server, e)) {
            LOG.debugf("DittoServer %s/%s was deleted during its reconcile", server.getMetadata().getNamespace(),
                    server.getMetadata().getName());
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        PodInputs inputs = PodInputs.of(server, context);
        Optional<StatefulSet> statefulSet = StatefulSetRecreation.standIn(server,
                context.getSecondaryResource(StatefulSet.class, StatefulSetDependent.NAME));
        Optional<PodFailures.Failure> podFailure = ErrorMessages.apiServerUnreachable(e) ? Optional.empty()
                : ServerPod.failure(server, ServerPod.awaitedPod(server, statefulSet, context.getClient()), inputs);
        DittoServerStatus status = StatusAggregator.aggregate(server, inputs, statefulSet,
                DatabaseReadiness.of(server, context), podFailure, null, e, Instant.now());
        status = VolumesStatus.carryOver(server, status);
        meters.reconciled(false);
        meters.conditionsSeen(status);
        boolean newProblem = Problems.isNew(server, status);
        if (newProblem && ErrorMessages.apiServerUnreachable(e)) {
            LOG.warnf("Reconciling DittoServer %s/%s failed: %s Cause: %s", server.getMetadata().getNamespace(),
                    server.getMetadata().getName(), Problems.ready(status).getMessage(), ErrorMessages.shortCause(e));
        } else if (newProblem) {
            // The stack once per new problem; the condition carries only a sentence, and retries stay quiet.
            LOG.errorf(e, "Reconciling DittoServer %s/%s failed: %s", server.getMetadata().getNamespace(),
                    server.getMetadata().getName(), Problems.ready(status).getMessage());
        } else {
            LOG.debugf("Reconciling DittoServer %s/%s failed again: %s", server.getMetadata().getNamespace(),
                    server.getMetadata().getName(), ErrorMessages.shortCause(e));
        }
        Problems.warnOnNew(server, status, context.getClient(), " Cause: " + ErrorMessages.shortCause(e));
        StatusWrites.writeAfterFailure(server, status, context);
        // the same spec would be refused again: wait for it to change rather than retry
        return ErrorMessages.specRejected(e) ? ErrorStatusUpdateControl.<DittoServer>noStatusUpdate().withNoRetry()
                : ErrorStatusUpdateControl.noStatusUpdate();
    }
}
