package com.dittofs.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One restore of a share of a DittoServer from a dfs snapshot. It runs at most once: its phase goes Pending, Running,
 * then Succeeded or Failed, and a finished restore is never run again. To restore again, create another.
 */
@Group("dittofs.dittofs.com")
@Version("v1alpha1")
@ShortNames({"dittorestore"})
@Categories({DittoServer.CATEGORY})
@AdditionalPrinterColumn(name = "Server", jsonPath = ".spec.server", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Share", jsonPath = ".spec.share", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Snapshot", jsonPath = ".status.snapshotId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class DittoSnapshotRestore extends CustomResource<SnapshotRestoreSpec, SnapshotRestoreStatus>
        implements Namespaced {
}
