package com.dittofs.operator.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A share the operator creates in dfs and keeps as declared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.ensure) || self.ensure != 'absent' || (!has(self.grants) && !has(self.nfs)"
        + " && !has(self.snapshotPolicy))",
        message = "a share with ensure absent takes no grants, no nfs settings and no snapshotPolicy")
public class ShareSpec {

    @Required
    @Size(max = 64)
    @Pattern("^/[a-z0-9][a-z0-9._-]{0,62}$")
    @JsonPropertyDescription("Share name and NFS export path, e.g. /export: one lowercase segment (SMB lowercases"
            + " share names). Clients mount <server>:/export or \\\\<server>\\export.")
    private String name;

    @Default("false")
    @JsonPropertyDescription("Serve the share read-only.")
    private Boolean readOnly = false;

    @Default("read-write")
    @JsonPropertyDescription("Access for clients without an explicit grant: none, read or read-write (default, so that"
            + " a fresh server is mountable and writable at once).")
    private SharePermission defaultPermission = SharePermission.READ_WRITE;

    @JsonPropertyDescription("Also store the share's content in the S3 bucket of spec.s3. Defaults to true when"
            + " spec.s3 is set.")
    private Boolean remote;

    @Size(max = 32)
    // two levels for one user or group would be set in turn on every pass
    @ValidationRule(value = "self.all(a, !has(a.user) || self.exists_one(b, has(b.user) && b.user == a.user))",
            message = "grants[].user must be unique within a share: one grant per user")
    @ValidationRule(value = "self.all(a, !has(a.group) || self.exists_one(b, has(b.group) && b.group == a.group))",
            message = "grants[].group must be unique within a share: one grant per group")
    @JsonPropertyDescription("Access for declared users and groups, beyond defaultPermission: at most one grant per"
            + " user and one per group. Grants the operator made and no longer declares are revoked; grants to users"
            + " and groups made by hand are left alone.")
    private List<ShareGrant> grants;

    @JsonPropertyDescription("NFS export settings (identity squashing, anonymous UID/GID, AUTH_SYS). dfs defaults"
            + " apply when omitted.")
    private ShareNfsSpec nfs;

    @JsonPropertyDescription("Snapshots of the share on a schedule, taken and pruned by dfs. A share without it: its"
            + " policy in dfs, if any, is left alone. See docs/BACKUP.md.")
    private ShareSnapshotPolicySpec snapshotPolicy;

    @Default("present")
    @JsonPropertyDescription("present (default): the share exists in dfs as declared. absent: the operator deletes"
            + " the share from dfs (also one made by hand; its files stay in the stores) and keeps it deleted."
            + " Removing a share from spec.shares deletes nothing.")
    private Ensure ensure = Ensure.PRESENT;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getReadOnly() {
        return readOnly;
    }

    public void setReadOnly(Boolean readOnly) {
        this.readOnly = readOnly;
    }

    public SharePermission getDefaultPermission() {
        return defaultPermission;
    }

    public void setDefaultPermission(SharePermission defaultPermission) {
        this.defaultPermission = defaultPermission;
    }

    public Boolean getRemote() {
        return remote;
    }

    public void setRemote(Boolean remote) {
        this.remote = remote;
    }

    public List<ShareGrant> getGrants() {
        return grants;
    }

    public void setGrants(List<ShareGrant> grants) {
        this.grants = grants;
    }

    public ShareNfsSpec getNfs() {
        return nfs;
    }

    public void setNfs(ShareNfsSpec nfs) {
        this.nfs = nfs;
    }

    public ShareSnapshotPolicySpec getSnapshotPolicy() {
        return snapshotPolicy;
    }

    public void setSnapshotPolicy(ShareSnapshotPolicySpec snapshotPolicy) {
        this.snapshotPolicy = snapshotPolicy;
    }

    public Ensure getEnsure() {
        return ensure;
    }

    public void setEnsure(Ensure ensure) {
        this.ensure = ensure;
    }
}
