package com.dittofs.operator.api.v1alpha1.kube;

import java.util.ArrayList;

/**
 * Schema of a Go operator's field that this operator declares only to refuse it: an object of any content. It must
 * have a type: CEL knows no field of no type, and a rule naming one would not compile.
 */
public class GoOnlySchema {

    /** A list of such objects (the Go operator's snapshotPolicies). */
    public static class Items extends ArrayList<GoOnlySchema> {
    }
}
