package com.dittofs.operator.packaging;

import java.util.List;

/**
 * A kind the operator owns, with everything packaging needs to know of it: its CRD, the order kubectl shows its
 * printer columns in, and the marker of its field list in docs/CRD_REFERENCE.md. A new kind is one more entry here.
 */
public record OwnedKind(String kind, String crdName, List<String> printerColumns) {

    public static final OwnedKind SERVER = new OwnedKind("DittoServer", "dittoservers.dittofs.dittofs.com",
            List.of("Ready", "Phase", "Replicas", "Image", "Version", "NFS", "Age"));
    /** ID shows with -o wide. */
    public static final OwnedKind SNAPSHOT = new OwnedKind("DittoSnapshot", "dittosnapshots.dittofs.dittofs.com",
            List.of("Server", "Share", "Phase", "ID", "Age"));
    public static final OwnedKind RESTORE = new OwnedKind("DittoSnapshotRestore",
            "dittosnapshotrestores.dittofs.dittofs.com", List.of("Server", "Share", "Snapshot", "Phase", "Age"));
    /** Every kind, the primary first: deploy/crd.yaml and the chart's crd.yaml hold their CRDs in this order. */
    public static final List<OwnedKind> ALL = List.of(SERVER, SNAPSHOT, RESTORE);

    /** The CRD as the generator writes it into target/kubernetes. */
    public String generatedFile() {
        return crdName + "-v1.yml";
    }

    /** The CRD in the OLM bundle's manifests. */
    public String bundleFile() {
        return crdName + "-v1.crd.yml";
    }

    /** The name in the markers of the kind's field list: none for the primary, whose list came first. */
    String referenceMarker() {
        return this == SERVER ? "" : kind;
    }
}
