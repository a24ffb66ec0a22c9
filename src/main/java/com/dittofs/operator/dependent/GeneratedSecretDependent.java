package com.dittofs.operator.dependent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.events.CreatedObjects;
import com.dittofs.operator.naming.Labels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * A credentials Secret the operator generates once and never overwrites. It is deliberately not owned by the
 * DittoServer: the admin password is baked into the control-plane database on the retained volumes, so deleting and
 * re-creating a DittoServer of the same name must find the same credentials.
 */
abstract class GeneratedSecretDependent extends KubernetesDependentResource<Secret, DittoServer>
        implements Creator<Secret, DittoServer> {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits only: safe in env vars, URLs and shells. */
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final String component;
    private final Condition<Object, DittoServer> generates;

    GeneratedSecretDependent(String component, Condition<Object, DittoServer> generates) {
        super(Secret.class);
        this.component = component;
        this.generates = generates;
    }

    /**
     * Generates only when the user names no Secret of theirs. Checked here rather than as the workflow's reconcile
     * precondition, so that the config can depend on this node: a false precondition would mark the config (and the
     * StatefulSet after it) for deletion. Depending on it, the config's readiness sees the Secret this pass created,
     * and a new server gets its StatefulSet in its first reconcile.
     */
    @Override
    public ReconcileResult<Secret> reconcile(DittoServer server, Context<DittoServer> context) {
        return generates.isMet(null, server, context) ? super.reconcile(server, context)
                : ReconcileResult.noOperation(null);
    }

    abstract String name(DittoServer server);

    /** The generated key/value pairs (plain text). */
    abstract Map<String, String> values();

    @Override
    protected Secret desired(DittoServer server, Context<DittoServer> context) {
        Map<String, String> data = new java.util.TreeMap<>();
        values().forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes())));
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name(server))
                .withNamespace(server.getMetadata().getNamespace())
                .withLabels(Labels.of(server, server.getSpec().getImage(), component))
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** Identifies the Secret by name, so that finding it does not generate a new value. */
    @Override
    protected ResourceID targetSecondaryResourceID(DittoServer server, Context<DittoServer> context) {
        return new ResourceID(name(server), server.getMetadata().getNamespace());
    }

    @Override
    public Secret create(Secret desired, DittoServer primary, Context<DittoServer> context) {
        Secret created = super.create(desired, primary, context);
        CreatedObjects.add(context, primary, desired);
        return created;
    }

    static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
