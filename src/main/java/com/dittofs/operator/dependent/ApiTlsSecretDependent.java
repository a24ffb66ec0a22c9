package com.dittofs.operator.dependent;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.certificates.CertificateLifetimes;
import com.dittofs.operator.certificates.NamespaceCa;
import com.dittofs.operator.certificates.ServerCertificates;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import com.dittofs.operator.events.CreatedObjects;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * {@code <name>-api-tls}: the REST API's certificate when the user brings none (no
 * {@code spec.controlPlane.tls.secretName}), issued from the namespace's operator CA ({@link NamespaceCa}) and owned
 * by the DittoServer. The certificate in the Secret is kept as long as it names the server and is not due for renewal;
 * then a new one replaces it. dfs reloads the files in place (no restart); the operator verifies with the new ca.crt,
 * which keeps the previous CA during a CA change.
 *
 * <p>
 * Created and updated, never deleted by the operator: the operator may not delete Secrets (its RBAC has no such
 * verb). The owner reference lets Kubernetes delete it with the DittoServer; a Secret left behind when the user
 * switches to their own certificate or to plain HTTP is unused.
 */
@KubernetesDependent(informer = @Informer(itemStore = LeanItemStore.class,
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_API_TLS))
public class ApiTlsSecretDependent extends KubernetesDependentResource<Secret, DittoServer>
        implements Creator<Secret, DittoServer>, Updater<Secret, DittoServer> {

    public static final String NAME = "api-tls-secret";
    /** JOSDK's default maximal reconciliation interval, which this operator keeps. */
    static final Duration PERIODIC_RECONCILE = Duration.ofHours(10);

    private static final IssuesApiCertificate ISSUES = new IssuesApiCertificate();

    private final CertificateLifetimes lifetimes;
    private final Clock clock;

    public ApiTlsSecretDependent() {
        this(CertificateLifetimes.configured(), Clock.systemUTC());
    }

    ApiTlsSecretDependent(CertificateLifetimes lifetimes, Clock clock) {
        super(Secret.class);
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Override
    protected Secret desired(DittoServer server, Context<DittoServer> context) {
        Secret actual = getSecondaryResource(server, context).orElse(null);
        Instant now = clock.instant();
        List<String> names = ServerCertificates.dnsNames(server);
        Map<String, String> data = ServerCertificates.current(actual, names, now) ? actual.getData()
                : ServerCertificates.issue(NamespaceCa.obtain(context.getClient(),
                        server.getMetadata().getNamespace(), lifetimes, now), names, lifetimes, now);
        return new SecretBuilder()
                .withNewMetadata()
                .withName(ControlPlaneTlsSpec.secretNameIn(server))
                .withNamespace(server.getMetadata().getNamespace())
                .withLabels(Labels.of(server, server.getSpec().getImage(), Labels.COMPONENT_API_TLS))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(server.getApiVersion())
                        .withKind(server.getKind()).withName(server.getMetadata().getName())
                        .withUid(server.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(false)
                        .build())
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(data)
                .build();
    }

    /**
     * Identifies the Secret by name. JOSDK's default computes desired() to learn the name, and desired() reads the
     * Secret: once any Secret of the server is cached, that recursed until the stack overflowed, an Error the
     * workflow swallows, so the certificate was silently never issued nor renewed.
     */
    @Override
    protected ResourceID targetSecondaryResourceID(DittoServer server, Context<DittoServer> context) {
        return new ResourceID(ControlPlaneTlsSpec.secretNameIn(server), server.getMetadata().getNamespace());
    }

    /**
     * Issues only when TLS is on and the user names no certificate of theirs; checked here rather than as the
     * workflow's reconcile precondition so that the config can depend on this node (see GeneratedSecretDependent).
     */
    @Override
    public ReconcileResult<Secret> reconcile(DittoServer server, Context<DittoServer> context) {
        return ISSUES.isMet(null, server, context) ? super.reconcile(server, context) : ReconcileResult.noOperation(null);
    }

    @Override
    public Secret create(Secret desired, DittoServer primary, Context<DittoServer> context) {
        Secret created = super.create(desired, primary, context);
        CreatedObjects.add(context, primary, desired);
        return created;
    }

    /**
     * How long until the server's certificate is due for renewal, when that is sooner than JOSDK's periodic
     * reconcile (every 10 hours) would come anyway: the reconciler looks again then.
     */
    public static Optional<Duration> renewalDelay(Context<DittoServer> context, Instant now) {
        return context.getSecondaryResource(Secret.class, NAME).flatMap(ServerCertificates::renewalTime)
                .map(at -> Duration.between(now, at))
                .map(delay -> delay.isNegative() ? Duration.ofSeconds(1) : delay)
                .filter(delay -> delay.compareTo(PERIODIC_RECONCILE) < 0);
    }
}
