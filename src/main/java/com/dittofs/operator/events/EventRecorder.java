package com.dittofs.operator.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jboss.logging.Logger;

/**
 * Records Kubernetes events on a DittoServer. Callers emit only on transitions (an object created, a rollout
 * started, a new problem), so a steady-state reconcile writes no event. Failing to record never fails a reconcile.
 */
public final class EventRecorder {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    private EventRecorder() {
    }

    public static void normal(KubernetesClient client, HasMetadata about, String reason, String message) {
        record(client, about, NORMAL, reason, message);
    }

    public static void warning(KubernetesClient client, HasMetadata about, String reason, String message) {
        record(client, about, WARNING, reason, message);
    }

    static void record(KubernetesClient client, HasMetadata about, String type, String reason, String message) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        var meta = about.getMetadata();
        var event = new EventBuilder()
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
                .withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
                .withNewSource().withComponent(Labels.OPERATOR).endSource()
                .withReportingComponent(Labels.OPERATOR)
                .withReportingInstance(System.getenv().getOrDefault("HOSTNAME", Labels.OPERATOR)
                        .toLowerCase(Locale.ROOT))
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("could not record event %s on %s/%s: %s", reason, meta.getNamespace(), meta.getName(),
                    e.getMessage());
        }
    }
}
