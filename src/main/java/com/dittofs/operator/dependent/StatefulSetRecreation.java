package com.dittofs.operator.dependent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Claim templates cannot be updated: the StatefulSet is deleted leaving its pod (and claims) in place, and created
 * again with the new templates. The new StatefulSet adopts the running pod, whose template is unchanged, so the file
 * server is not restarted; the claims themselves are grown by the reconciler (VolumeExpansion).
 */
public final class StatefulSetRecreation {

    private static final String KEY = StatefulSetRecreation.class.getName();
    /** How long to wait for the garbage collector to finish the orphaning delete. */
    static final Duration DELETE_WAIT = Duration.ofSeconds(60);
    /** How long to wait for the new StatefulSet to report the adopted pod (only so that status does not blink). */
    static final Duration ADOPTION_WAIT = Duration.ofSeconds(30);

    private StatefulSetRecreation() {
    }

    static StatefulSet recreate(StatefulSet actual, Supplier<StatefulSet> create, DittoServer primary,
            Context<DittoServer> context) {
        var client = context.getClient();
        client.resource(actual).withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        // The garbage collector removes the owner references of the pod and the claims first, then the StatefulSet.
        client.resource(actual).waitUntilCondition(Objects::isNull, DELETE_WAIT.toSeconds(), TimeUnit.SECONDS);
        StatefulSet created = create.get();
        EventRecorder.normal(client, primary, EventReasons.STATEFUL_SET_RECREATED, "A volume size grew: re-created"
                + " StatefulSet " + actual.getMetadata().getName() + " with the new claim templates; the server pod"
                + " keeps running");
        StatefulSet adopted = awaitAdoption(context, created, readyReplicas(actual));
        context.managedWorkflowAndDependentResourceContext().put(KEY, adopted);
        return adopted;
    }

    /**
     * The StatefulSet re-created in this reconcile, as last seen: the informer may not know it yet, and without it
     * the status would read "pod not ready" for a moment although the pod never stopped.
     */
    public static Optional<StatefulSet> recreated(Context<DittoServer> context) {
        return context.managedWorkflowAndDependentResourceContext().get(KEY, StatefulSet.class);
    }

    /** The new StatefulSet once its controller reports the adopted pod as ready as before; as created on timeout. */
    private static StatefulSet awaitAdoption(Context<DittoServer> context, StatefulSet created, int ready) {
        try {
            return context.getClient().resource(created).waitUntilCondition(s -> s != null && s.getStatus() != null
                    && s.getStatus().getObservedGeneration() != null
                    && s.getStatus().getObservedGeneration() >= s.getMetadata().getGeneration()
                    && readyReplicas(s) >= ready, ADOPTION_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (KubernetesClientTimeoutException e) {
            return created;
        }
    }

    private static int readyReplicas(StatefulSet sts) {
        return sts.getStatus() == null || sts.getStatus().getReadyReplicas() == null ? 0
                : sts.getStatus().getReadyReplicas();
    }
}
