package com.dittofs.operator.dependent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IssuerRef;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * {@code <name>-api}: the cert-manager Certificate of the REST API, for every DNS name of the -api Service, written by
 * cert-manager into {@code spec.controlPlane.tls.secretName}. The Secret carries the operator's watch label from the
 * start (secretTemplate), so its issue and every renewal reconcile the server at once.
 *
 * <p>
 * Active only while the Certificate CRD is installed ({@link CertManagerInstalled}); reconciled only while
 * {@code controlPlane.tls.issuerRef} is set ({@link CertificateRequested}). A leaf: nothing depends on it.
 */
@KubernetesDependent(informer = @Informer(itemStore = LeanItemStore.class,
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_API_CERTIFICATE))
public class ApiCertificateDependent extends DittoDependent<CertManagerCertificate> {

    public static final String NAME = "api-certificate";

    public ApiCertificateDependent() {
        super(CertManagerCertificate.class, Labels.COMPONENT_API_CERTIFICATE, Names::apiCertificate);
    }

    @Override
    protected CertManagerCertificate desired(DittoServer server, Context<DittoServer> context) {
        return build(server);
    }

    public static CertManagerCertificate build(DittoServer server) {
        ControlPlaneTlsSpec tls = server.getSpec().getControlPlane().getTls();
        IssuerRef issuer = tls.getIssuerRef();
        CertManagerCertificate certificate = new CertManagerCertificate();
        certificate.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(Names.apiCertificate(server))
                .withNamespace(server.getMetadata().getNamespace())
                .withLabels(Labels.of(server, server.getSpec().getImage(), Labels.COMPONENT_API_CERTIFICATE))
                .build());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("secretName", tls.getSecretName());
        spec.put("secretTemplate", Map.of("labels", Map.of(Labels.WATCHED_SECRET, "true")));
        spec.put("dnsNames", dnsNames(server));
        spec.put("usages", List.of("digital signature", "key encipherment", "server auth"));
        Map<String, Object> issuerRef = new LinkedHashMap<>();
        issuerRef.put("name", issuer.getName());
        issuerRef.put("kind", issuer.getKind());
        issuerRef.put("group", issuer.getGroup());
        spec.put("issuerRef", issuerRef);
        certificate.setAdditionalProperty("spec", spec);
        return certificate;
    }

    /** Every name a client in the cluster may use for the -api Service; the operator verifies the .svc one. */
    static List<String> dnsNames(DittoServer server) {
        String service = Names.apiService(server);
        String namespace = server.getMetadata().getNamespace();
        return List.of(service, service + "." + namespace, Names.apiServiceHost(server),
                Names.apiServiceHost(server) + ".cluster.local");
    }
}
