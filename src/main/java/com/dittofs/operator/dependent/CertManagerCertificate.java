package com.dittofs.operator.dependent;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** A cert-manager Certificate ({@code cert-manager.io/v1}). */
@Group("cert-manager.io")
@Version("v1")
@Kind("Certificate")
public class CertManagerCertificate extends ForeignResource {

    /** A constant (annotations name it); ForeignResourceTest checks it against the type. */
    public static final String CRD_NAME = "certificates.cert-manager.io";
}
