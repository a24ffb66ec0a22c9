package com.dittofs.operator.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.jboss.logging.Logger;

/**
 * Records Kubernetes events on a DittoServer. Callers emit only on transitions (an object created, a rollout
 * started, a new problem), so a steady-state reconcile writes no event. An event the operator recorded before (same
 * object, type, reason and message) increments that Event's count rather than creating another, as client-go's
 * recorder does. Failing to record never fails a reconcile.
 */
public final class EventRecorder {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    /** Events carry at most this much message (the apiserver accepts more, kubectl shows less). */
    static final int MAX_MESSAGE = 1000;

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    /** As client-go's event cache. */
    private static final EventSeries SERIES = new EventSeries(4096);

    private EventRecorder() {
    }

    public static void normal(KubernetesClient client, HasMetadata about, String reason, String message) {
        record(client, about, NORMAL, reason, message);
    }

    public static void warning(KubernetesClient client, HasMetadata about, String reason, String message) {
        record(client, about, WARNING, reason, message);
    }

    static void record(KubernetesClient client, HasMetadata about, String type, String reason, String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        var meta = about.getMetadata();
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String key = EventSeries.key(meta.getUid(), type, reason, text);
        try {
            var seen = SERIES.get(key);
            if (seen.isPresent() && repeat(client, meta.getNamespace(), seen.get(), now)) {
                SERIES.put(key, new EventSeries.Seen(seen.get().name(), seen.get().count() + 1));
                return;
            }
            Event created = client.v1().events().inNamespace(meta.getNamespace())
                    .resource(event(about, type, reason, text, now)).create();
            SERIES.put(key, new EventSeries.Seen(created.getMetadata().getName(), 1));
        } catch (KubernetesClientException e) {
            LOG.warnf("could not record event %s on %s/%s: %s", reason, meta.getNamespace(), meta.getName(),
                    e.getMessage());
        }
    }

    /** Counts one more occurrence on the existing Event; false when it cannot (events expire after an hour). */
    private static boolean repeat(KubernetesClient client, String namespace, EventSeries.Seen seen, String now) {
        try {
            // on the object, not withName(): that would read the Event first, which needs a get permission
            Event named = new EventBuilder().withNewMetadata().withName(seen.name()).withNamespace(namespace)
                    .endMetadata().build();
            client.v1().events().inNamespace(namespace).resource(named).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"count\":" + (seen.count() + 1) + ",\"lastTimestamp\":\"" + now + "\"}");
            return true;
        } catch (KubernetesClientException e) {
            // expired (404), or not patchable: record it anew rather than lose it
            LOG.debugf("could not count event %s again (%s): creating a new one", seen.name(), e.getMessage());
            return false;
        }
    }

    private static Event event(HasMetadata about, String type, String reason, String message, String now) {
        var meta = about.getMetadata();
        return new EventBuilder()
                .withNewMetadata()
                .withGenerateName(meta.getName() + ".")
                .withNamespace(meta.getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(about.getApiVersion())
                .withKind(about.getKind())
                .withName(meta.getName())
                .withNamespace(meta.getNamespace())
                .withUid(meta.getUid())
                .withResourceVersion(meta.getResourceVersion())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withNewSource().withComponent(Labels.OPERATOR).endSource()
                .withReportingComponent(Labels.OPERATOR)
                .withReportingInstance(System.getenv().getOrDefault("HOSTNAME", Labels.OPERATOR)
                        .toLowerCase(Locale.ROOT))
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build();
    }
}
