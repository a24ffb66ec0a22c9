package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

/**
 * One informer per kind where several dependents manage objects of that kind: the four Services share one watch, the
 * two generated Secrets another. Each watch costs a connection, a list at start-up, a cache and threads; each
 * dependent still finds its own object in the shared cache by name (JOSDK's target secondary resource ID).
 */
public final class SharedInformers {

    public static final String SERVICES = "services";
    public static final String GENERATED_SECRETS = "generated-secrets";
    public static final String NAMESPACE_CA = "namespace-ca";

    private SharedInformers() {
    }

    public static InformerEventSource<Service, DittoServer> services(EventSourceContext<DittoServer> context) {
        var configuration = InformerEventSourceConfiguration.from(Service.class, DittoServer.class)
                .withName(SERVICES)
                .withLabelSelector(Labels.managedComponents(Labels.COMPONENT_HEADLESS, Labels.COMPONENT_FILE,
                        Labels.COMPONENT_API, Labels.COMPONENT_METRICS))
                .withItemStore(new LeanItemStore<>())
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /** Not owned by the server (see GeneratedSecretDependent): mapped back through JOSDK's annotations. */
    public static InformerEventSource<Secret, DittoServer> generatedSecrets(EventSourceContext<DittoServer> context) {
        var configuration = InformerEventSourceConfiguration.from(Secret.class, DittoServer.class)
                .withName(GENERATED_SECRETS)
                .withLabelSelector(Labels.managedComponents(Labels.COMPONENT_JWT, Labels.COMPONENT_ADMIN))
                .withSecondaryToPrimaryMapper(Mappers.fromDefaultAnnotations(DittoServer.class))
                .withItemStore(new LeanItemStore<>())
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /**
     * The namespace's CA (NamespaceCa), one Secret per namespace and no server's: each event maps to every server of
     * its namespace, since a renewed CA is an input of the pods that verify client certificates with it
     * (controlPlane.tls.clientAuth: {}).
     */
    public static InformerEventSource<Secret, DittoServer> namespaceCa(EventSourceContext<DittoServer> context) {
        var primaries = context.getPrimaryCache();
        var configuration = InformerEventSourceConfiguration.from(Secret.class, DittoServer.class)
                .withName(NAMESPACE_CA)
                .withLabelSelector(Labels.managedComponents(Labels.COMPONENT_API_CA))
                .withSecondaryToPrimaryMapper(secret -> primaries.list(secret.getMetadata().getNamespace())
                        .map(ResourceID::fromResource).collect(java.util.stream.Collectors.toSet()))
                .withItemStore(new LeanItemStore<>())
                .build();
        return new InformerEventSource<>(configuration, context);
    }
}
