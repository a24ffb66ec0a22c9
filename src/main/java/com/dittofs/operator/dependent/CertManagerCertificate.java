package com.dittofs.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A cert-manager Certificate ({@code cert-manager.io/v1}): an untyped body, but a Java type carrying its group, version
 * and plural, so the client addresses it without discovery and nothing fails while cert-manager is not installed
 * (as {@link Percona}).
 */
@Group(CertManagerCertificate.GROUP)
@Version(CertManagerCertificate.VERSION)
@Kind(CertManagerCertificate.KIND)
@Plural(CertManagerCertificate.PLURAL)
public class CertManagerCertificate extends GenericKubernetesResource implements Namespaced {

    public static final String GROUP = "cert-manager.io";
    public static final String VERSION = "v1";
    public static final String KIND = "Certificate";
    public static final String PLURAL = "certificates";
    public static final String CRD_NAME = PLURAL + "." + GROUP;

    public CertManagerCertificate() {
        setApiVersion(GROUP + "/" + VERSION);
        setKind(KIND);
    }
}
