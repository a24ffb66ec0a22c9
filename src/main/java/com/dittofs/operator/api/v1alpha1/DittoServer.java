package com.dittofs.operator.api.v1alpha1;

import com.dittofs.operator.naming.Names;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A DittoFS file server: one dfs process serving NFS and SMB, with its storage and Services. */
@Group("dittofs.dittofs.com")
@Version("v1alpha1")
@ShortNames({"ditto", "dittofs"})
// `kubectl get dittofs` (the Go operator's short name) lists DittoServers only; `kubectl get dittofs-all` every kind
// of this operator; `kubectl get storage` DittoServers with other storage resources. (A category named like a short
// name would shadow it: kubectl expands categories first, so `kubectl get dittofs <name>` would name three kinds.)
@Categories({DittoServer.CATEGORY, "storage"})
// kubectl shows these in the order of packaging/CrdConventions (src/test) (the generator sorts them by jsonPath; the
// packaging step puts them back): READY, PHASE, REPLICAS, IMAGE, VERSION, NFS (-o wide), AGE last. IMAGE is what
// the user asked for, VERSION what the running dfs says it is (status.dfsVersion).
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.readyReplicas",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Image", jsonPath = ".spec.image", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.dfsVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "NFS", jsonPath = ".status.endpoints.nfs", type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
// Every managed object's name starts with the server's: reject names whose derived names Kubernetes would refuse.
@ValidationRule(value = "self.metadata.name.size() <= " + Names.MAX_NAME_LENGTH,
        message = "metadata.name must be at most " + Names.MAX_NAME_LENGTH + " characters: the pods of the"
                + " StatefulSet <name> carry the label controller-revision-hash=<name>-<hash>, limited to 63")
@ValidationRule(value = "self.metadata.name.size() > " + Names.MAX_NAME_LENGTH
        + " || self.metadata.name.matches('" + Names.NAME_PATTERN + "')",
        message = "metadata.name must start with a lowercase letter and contain only lowercase letters, digits and"
                + " '-' (no dots): the Services <name>-api, <name>-file and <name>-headless are DNS-1035 labels")
@ValidationRule(value = "!has(self.spec) || !has(self.spec.percona) || !self.spec.percona.enabled"
        + " || self.metadata.name.size() <= " + Names.MAX_NAME_LENGTH_WITH_PERCONA,
        message = "metadata.name must be at most " + Names.MAX_NAME_LENGTH_WITH_PERCONA + " characters with"
                + " spec.percona.enabled: Percona names the StatefulSet of its instance <name>-db-instance1-xxxx, whose"
                + " pods carry the label controller-revision-hash=<that name>-<hash>, limited to 63")
public class DittoServer extends CustomResource<DittoServerSpec, DittoServerStatus> implements Namespaced {

    /** The category of every kind this operator serves: {@code kubectl get dittofs-all}. */
    public static final String CATEGORY = "dittofs-all";

}
