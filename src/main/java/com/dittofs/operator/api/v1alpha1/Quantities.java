package com.dittofs.operator.api.v1alpha1;

/** Schema patterns shared by the spec classes. */
final class Quantities {
    /** A positive Kubernetes storage quantity: a number with an optional binary or decimal suffix (10Gi, 500M). */
    static final String STORAGE = "^([0-9]+(\\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";

    private Quantities() {
    }
}
