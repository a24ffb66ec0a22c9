package com.dittofs.operator.dependent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretResolution;
import io.fabric8.kubernetes.api.model.Secret;
import com.dittofs.operator.naming.Names;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Everything the server pod consumes besides its template: the rendered config and the Secret values behind its
 * environment and the Secret files it reads at start (the metrics token). Its hash goes on the pod template, so a
 * change of any of them, and nothing else, rolls the pod. The files dfs reloads (the REST API's certificate, the
 * keytab) are not in it: dfs picks them up in place; nor is the Kerberos policy of the config, which dfs reads from its
 * database after its first start (the operator restarts dfs once itself when that changes).
 *
 * @param config the rendered config.yaml
 * @param secrets the pod's Secret keys, resolved
 * @param hash hex digest of the two
 */
public record PodInputs(String config, SecretResolution secrets, String hash) {

    /** Key under which the reconciler leaves the user Secrets it found in the workflow context. */
    public static final String REFERENCED_SECRETS = "dittofs.referenced-secrets";

    public static PodInputs of(DittoServer server, Context<DittoServer> context) {
        @SuppressWarnings("unchecked")
        Map<String, Secret> referenced = context.managedWorkflowAndDependentResourceContext()
                .get(REFERENCED_SECRETS, Map.class).orElse(Map.of());
        return of(server, name -> Optional.ofNullable(referenced.get(name))
                .or(() -> generated(server, name, context)));
    }

    public static PodInputs of(DittoServer server, Function<String, Optional<Secret>> lookup) {
        String config = DfsConfigRenderer.render(server.getSpec());
        SecretResolution secrets = SecretResolution.resolve(PodEnvironment.secretBindings(server), lookup);
        return new PodInputs(config, secrets, hash(DfsConfigRenderer.renderReadAtEveryStart(server.getSpec()), secrets,
                PodEnvironment.literals(server)));
    }

    /**
     * The operator-generated credentials, certificate and the namespace's CA, from the caches of their informers. The
     * CA by name: it belongs to no one server.
     */
    private static Optional<Secret> generated(DittoServer server, String name, Context<DittoServer> context) {
        if (Names.API_CA_SECRET.equals(name)) {
            return ((InformerEventSource<Secret, DittoServer>) context.eventSourceRetriever()
                    .getEventSourceFor(Secret.class, SharedInformers.NAMESPACE_CA))
                    .get(new ResourceID(name, server.getMetadata().getNamespace()));
        }
        return context.eventSourceRetriever().getEventSourceFor(Secret.class, SharedInformers.GENERATED_SECRETS)
                .getSecondaryResources(server).stream()
                .filter(secret -> name.equals(secret.getMetadata().getName()))
                .findFirst()
                .or(() -> context.getSecondaryResource(Secret.class, ApiTlsSecretDependent.NAME)
                        .filter(secret -> name.equals(secret.getMetadata().getName())));
    }

    static String hash(String config, SecretResolution secrets, Map<String, String> literals) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, config);
            for (SecretResolution.Resolved r : secrets.resolved()) {
                if (!r.binding().readAtStart()) {
                    continue; // refreshed in place: dfs reloads its certificate and keytab without a restart
                }
                String target = r.binding().mounted() ? "file" : r.binding().env();
                update(digest, target + "=" + r.binding().secret() + "/" + r.key() + ":" + r.value());
            }
            literals.forEach((k, v) -> update(digest, k + "=" + v));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void update(MessageDigest digest, String part) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
