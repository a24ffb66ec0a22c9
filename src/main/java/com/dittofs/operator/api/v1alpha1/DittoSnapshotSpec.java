package com.dittofs.operator.api.v1alpha1;

import com.dittofs.operator.naming.Names;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which share of which server to snapshot, and what deleting the resource does. Immutable once created. */
public class DittoSnapshotSpec {

    private static final String IMMUTABLE = "spec.";
    private static final String ANOTHER = " is immutable: a DittoSnapshot is one snapshot (create another one)";

    @Required
    @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
    @Size(max = Names.MAX_NAME_LENGTH)
    @ValidationRule(value = "self == oldSelf", message = IMMUTABLE + "server" + ANOTHER)
    @JsonPropertyDescription("Name of the DittoServer, in the same namespace, whose share to snapshot.")
    private String server;

    @Required
    @Pattern("^/[a-z0-9][a-z0-9._-]{0,62}$")
    @ValidationRule(value = "self == oldSelf", message = IMMUTABLE + "share" + ANOTHER)
    @JsonPropertyDescription("The share to snapshot, as in the server's spec.shares[].name, e.g. /export.")
    private String share;

    @Default("Delete")
    @ValidationRule(value = "self == oldSelf", message = IMMUTABLE + "deletionPolicy" + ANOTHER)
    @JsonPropertyDescription("Delete (default): deleting the DittoSnapshot removes the snapshot from dfs. Retain: the"
            + " snapshot stays in dfs, where dfsctl lists and removes it.")
    private SnapshotDeletionPolicy deletionPolicy = SnapshotDeletionPolicy.Delete;

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getShare() {
        return share;
    }

    public void setShare(String share) {
        this.share = share;
    }

    public SnapshotDeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(SnapshotDeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }
}
