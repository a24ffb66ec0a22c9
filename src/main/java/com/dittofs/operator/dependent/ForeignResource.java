package com.dittofs.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;

/**
 * A namespaced resource of another operator, kept untyped (its body is plain maps) but addressed by a Java type whose
 * annotations carry group, version, kind and plural: the client then needs no discovery, so nothing fails while that
 * operator's CRD is not installed (a plain GenericKubernetesResource informer would throw when merely constructed).
 */
public abstract class ForeignResource extends GenericKubernetesResource implements Namespaced {

    protected ForeignResource() {
        setApiVersion(HasMetadata.getApiVersion(getClass()));
        setKind(HasMetadata.getKind(getClass()));
    }
}
