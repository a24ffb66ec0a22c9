package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which share of which server to roll back, to which snapshot, and the risks the user accepts. Immutable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self == oldSelf", message = "spec is immutable: a restore runs once; create another"
        + " DittoSnapshotRestore to restore again")
public class SnapshotRestoreSpec {

    @Required
    @Size(max = 63)
    @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of the DittoServer, in this namespace, whose share is restored.")
    private String server;

    @Required
    @Size(max = 64)
    @Pattern("^/[a-z0-9][a-z0-9._-]{0,62}$")
    @JsonPropertyDescription("The share to restore, as named in the server's spec.shares (e.g. /export). dfs rolls"
            + " back the whole metadata store of the share: every share of the server (see acknowledgeAllShares).")
    private String share;

    @Required
    @JsonPropertyDescription("The snapshot to restore: exactly one of id and dittoSnapshotName.")
    private SnapshotReference snapshot;

    @Default("false")
    @JsonPropertyDescription("Must be true to restore a snapshot that is not remotely durable: one of a share without"
            + " an S3 store (a server without spec.s3), whose blocks only the server's own volume holds.")
    private Boolean allowNonDurable = false;

    @Default("false")
    @JsonPropertyDescription("Must be true when the server has more than one share on its metadata store: dfs rolls"
            + " all of them back to the snapshot, not only spec.share. Files written to any of them since the"
            + " snapshot are lost.")
    private Boolean acknowledgeAllShares = false;

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

    public SnapshotReference getSnapshot() {
        return snapshot;
    }

    public void setSnapshot(SnapshotReference snapshot) {
        this.snapshot = snapshot;
    }

    public Boolean getAllowNonDurable() {
        return allowNonDurable;
    }

    public void setAllowNonDurable(Boolean allowNonDurable) {
        this.allowNonDurable = allowNonDurable;
    }

    public Boolean getAcknowledgeAllShares() {
        return acknowledgeAllShares;
    }

    public void setAcknowledgeAllShares(Boolean acknowledgeAllShares) {
        this.acknowledgeAllShares = acknowledgeAllShares;
    }
}
