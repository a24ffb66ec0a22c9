package com.dittofs.operator.events;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * The objects one reconcile created, announced by a single "Created" event rather than one event per object: a new
 * server costs one or two event writes, not seven. Dependents may run in parallel, hence the concurrent queue.
 */
public final class CreatedObjects {

    static final String KEY = CreatedObjects.class.getName();
    public static final String REASON = EventReasons.CREATED;

    private final Queue<String> created = new ConcurrentLinkedQueue<>();

    /** Starts collecting for the reconcile of this context. */
    public static CreatedObjects startCollecting(Context<?> context) {
        CreatedObjects objects = new CreatedObjects();
        context.managedWorkflowAndDependentResourceContext().put(KEY, objects);
        return objects;
    }

    /** Notes a created object; without a collector (a dependent used on its own) it is announced at once. */
    public static void add(Context<?> context, HasMetadata primary, HasMetadata object) {
        context.managedWorkflowAndDependentResourceContext().get(KEY, CreatedObjects.class).ifPresentOrElse(
                objects -> objects.add(object),
                () -> EventRecorder.normal(context.getClient(), primary, REASON, "Created " + describe(object)));
    }

    void add(HasMetadata object) {
        created.add(describe(object));
    }

    /** The summary message, or null when nothing was created. */
    String message() {
        return created.isEmpty() ? null : "Created " + created.stream().sorted().collect(Collectors.joining(", "));
    }

    /** One Normal event naming everything created, if anything was. */
    public void announce(KubernetesClient client, HasMetadata primary) {
        String message = message();
        if (message != null) {
            EventRecorder.normal(client, primary, REASON, message);
        }
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }
}
