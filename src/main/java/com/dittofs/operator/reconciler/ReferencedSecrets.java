package com.dittofs.operator.reconciler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * The user Secrets a DittoServer references. The operator caches only Secrets carrying its watch label (never every
 * Secret of the cluster), so it adds that label to each referenced Secret the first time it finds one. From then
 * on an edit of the Secret (a rotation) reconciles its DittoServers at once. Once no DittoServer of its namespace
 * references it any more, the label it added is taken off again ({@link #release}), so that the cache never holds
 * every Secret ever referenced.
 */
final class ReferencedSecrets {

    static final String EVENT_SOURCE = "referenced-secrets";
    private static final String INDEX = "dittoserver-by-secret";

    private ReferencedSecrets() {
    }

    static InformerEventSource<Secret, DittoServer> eventSource(EventSourceContext<DittoServer> context) {
        context.getPrimaryCache().addIndexer(INDEX, server -> keys(server));
        var configuration = InformerEventSourceConfiguration.from(Secret.class, DittoServer.class)
                .withName(EVENT_SOURCE)
                .withLabelSelector(Labels.WATCHED_SELECTOR)
                .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache()
                        .byIndex(INDEX, key(secret.getMetadata().getNamespace(), secret.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper((DittoServer server) -> names(server).stream()
                        .map(name -> new ResourceID(name, server.getMetadata().getNamespace()))
                        .collect(Collectors.toSet()))
                .withItemStore(new LeanItemStore<>())
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /**
     * The referenced Secrets that exist, by name: from the cache when labelled, otherwise read once and labelled.
     */
    static Map<String, Secret> resolve(DittoServer server, InformerEventSource<Secret, DittoServer> cache,
            KubernetesClient client) {
        String namespace = server.getMetadata().getNamespace();
        Map<String, Secret> found = new LinkedHashMap<>();
        Set<String> names = names(server);
        for (String name : names) {
            var cached = cache.get(new ResourceID(name, namespace));
            if (cached.isPresent()) {
                found.put(name, cached.get());
                continue;
            }
            Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
            if (secret != null) {
                found.put(name, secret);
                client.secrets().inNamespace(namespace).withName(name).edit(s -> {
                    if (!"true".equals(s.getMetadata().getLabels().get(Labels.WATCHED_SECRET))) {
                        s.getMetadata().getLabels().put(Labels.WATCHED_SECRET, "true");
                        s.getMetadata().getAnnotations().put(Labels.WATCH_ADDED, "true");
                    }
                    return s;
                });
            }
        }
        return found;
    }

    /**
     * Takes the watch label off the Secrets of the namespace that the operator labelled and that no DittoServer
     * there references any more (a user removed or declared absent, a reference changed, a server deleted).
     *
     * @param gone a server being deleted, whose references no longer count; null for none
     */
    static void release(String namespace, DittoServer gone, InformerEventSource<Secret, DittoServer> cache,
            IndexedResourceCache<DittoServer> servers, KubernetesClient client) {
        cache.list(namespace, s -> s.getMetadata().getAnnotations() != null
                && "true".equals(s.getMetadata().getAnnotations().get(Labels.WATCH_ADDED)))
                .filter(s -> servers.byIndex(INDEX, key(namespace, s.getMetadata().getName())).stream()
                        .noneMatch(server -> gone == null || !server.getMetadata().getUid().equals(
                                gone.getMetadata().getUid())))
                .toList()
                .forEach(s -> client.secrets().inNamespace(namespace).withName(s.getMetadata().getName()).edit(x -> {
                    x.getMetadata().getLabels().remove(Labels.WATCHED_SECRET);
                    x.getMetadata().getAnnotations().remove(Labels.WATCH_ADDED);
                    return x;
                }));
    }

    /** The pod's user Secrets, the declared users' password Secrets and the directory's Secrets. */
    static Set<String> names(DittoServer server) {
        Set<String> names = new java.util.TreeSet<>(PodEnvironment.userSecretNames(server));
        names.addAll(UserPasswords.secretNames(server));
        names.addAll(DirectorySettings.secretNames(server));
        names.addAll(KerberosSettings.secretNames(server));
        return names;
    }

    private static List<String> keys(DittoServer server) {
        return names(server).stream()
                .map(name -> key(server.getMetadata().getNamespace(), name))
                .toList();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
