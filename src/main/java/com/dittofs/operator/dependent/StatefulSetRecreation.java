package com.dittofs.operator.dependent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.jboss.logging.Logger;

/**
 * Claim templates cannot be updated: the StatefulSet is deleted leaving its pod (and claims) in place, and created
 * again with the new templates. The new StatefulSet adopts the running pod, whose template is unchanged, so the file
 * server is not restarted; the claims themselves are grown by the reconciler (VolumeExpansion).
 *
 * <p>
 * A state machine across reconciles, never a wait on a reconcile thread (a slow garbage collector would hold one per
 * resized server): one reconcile sends the orphaning delete and returns; the StatefulSet informer reports the
 * terminating object and then its removal, and the reconcile that finds it gone creates the new one. Until the new
 * StatefulSet reports the adopted pod, the old one, as last seen, stands in for the status (the pod never stopped).
 */
public final class StatefulSetRecreation {

    private static final Logger LOG = Logger.getLogger(StatefulSetRecreation.class);
    /** How long the old StatefulSet stands in after the new one was created, if that never reports the pod. */
    static final Duration ADOPTION_WAIT = Duration.ofSeconds(30);
    /** How often to look while a re-creation is under way, should an informer event be missed. */
    public static final Duration RECHECK = Duration.ofSeconds(10);

    /** @param createdAt when the new StatefulSet was created, null while the old one is being deleted */
    record Pending(StatefulSet old, Instant createdAt) {
    }

    private static final Map<ResourceID, Pending> PENDING = new ConcurrentHashMap<>();
    static Clock clock = Clock.systemUTC();

    private StatefulSetRecreation() {
    }

    /** Sends the orphaning delete once; returns the StatefulSet as it is (the next reconciles go on). */
    static StatefulSet startOrWait(StatefulSet actual, DittoServer primary, Context<DittoServer> context) {
        ResourceID id = begin(primary, actual);
        if (actual.getMetadata().getDeletionTimestamp() == null) {
            // The garbage collector removes the owner references of the pod and the claims, then the StatefulSet.
            context.getClient().resource(actual).withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
            LOG.infof("Deleting StatefulSet %s/%s (orphaning its pod) to re-create it with grown claim templates",
                    id.getNamespace().orElse(""), actual.getMetadata().getName());
        }
        return actual;
    }

    /** Notes a re-creation (also one found under way after a restart: the terminating object stands in). */
    static ResourceID begin(DittoServer primary, StatefulSet old) {
        ResourceID id = ResourceID.fromResource(primary);
        PENDING.putIfAbsent(id, new Pending(old, null));
        return id;
    }

    /** Whether this server's StatefulSet is being re-created (its creation is a re-creation; look again soon). */
    public static boolean underWay(DittoServer primary) {
        return PENDING.containsKey(ResourceID.fromResource(primary));
    }

    /** Notes the new StatefulSet's creation: it stands in only until it reports the adopted pod. */
    static void created(DittoServer primary) {
        PENDING.computeIfPresent(ResourceID.fromResource(primary), (id, p) -> new Pending(p.old(), clock.instant()));
    }

    /**
     * The StatefulSet the status should read: the informer's, except while a re-creation is under way, when the old
     * one stands in until the new one reports at least the ready replicas the old one had.
     */
    public static Optional<StatefulSet> standIn(DittoServer primary, Optional<StatefulSet> seen) {
        ResourceID id = ResourceID.fromResource(primary);
        Pending pending = PENDING.get(id);
        if (pending == null) {
            return seen;
        }
        boolean isNew = seen.filter(s -> !s.getMetadata().getUid().equals(pending.old().getMetadata().getUid()))
                .isPresent();
        if (!isNew) {
            return Optional.of(pending.old());
        }
        StatefulSet current = seen.get();
        boolean adopted = current.getStatus() != null && current.getStatus().getObservedGeneration() != null
                && current.getStatus().getObservedGeneration() >= current.getMetadata().getGeneration()
                && readyReplicas(current) >= readyReplicas(pending.old());
        boolean gaveUp = pending.createdAt() != null && clock.instant().isAfter(pending.createdAt()
                .plus(ADOPTION_WAIT));
        if (adopted || gaveUp) {
            PENDING.remove(id, pending);
            return seen;
        }
        return Optional.of(pending.old());
    }

    /** Forgets a deleted server. */
    public static void forget(ResourceID server) {
        PENDING.remove(server);
    }

    private static int readyReplicas(StatefulSet sts) {
        return sts.getStatus() == null || sts.getStatus().getReadyReplicas() == null ? 0
                : sts.getStatus().getReadyReplicas();
    }
}
