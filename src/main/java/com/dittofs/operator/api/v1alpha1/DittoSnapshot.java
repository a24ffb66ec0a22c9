package com.dittofs.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One snapshot of one share of a DittoServer, taken once when the resource is created (as a VolumeSnapshot): the
 * resource is the snapshot. Deleting it removes the snapshot from dfs unless spec.deletionPolicy is Retain.
 */
@Group("dittofs.dittofs.com")
@Version("v1alpha1")
@ShortNames({"dsnap"})
@Categories({DittoServer.CATEGORY})
@AdditionalPrinterColumn(name = "Server", jsonPath = ".spec.server", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Share", jsonPath = ".spec.share", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "ID", jsonPath = ".status.snapshotId", type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required: spec.server and spec.share name what to snapshot")
public class DittoSnapshot extends CustomResource<DittoSnapshotSpec, DittoSnapshotStatus> implements Namespaced {
}
