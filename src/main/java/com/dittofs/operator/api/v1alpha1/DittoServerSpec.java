package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.dittofs.operator.api.v1alpha1.kube.GoOnlySchema;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.kube.PullSecretSchema;
import com.dittofs.operator.api.v1alpha1.kube.SysctlSchema;
import com.dittofs.operator.naming.Ports;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.crd.generator.annotation.SchemaSwap;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;

/** Desired state of a DittoFS server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.nfs.enabled || self.smb.enabled", message = "at least one of nfs.enabled and smb.enabled must be true")
@ValidationRule(value = "!self.nfs.enabled || !self.smb.enabled || self.nfs.port != self.smb.port",
        message = "nfs.port and smb.port must differ")
@ValidationRule(value = "has(self.s3) || !has(self.shares) || self.shares.all(s, !has(s.remote) || !s.remote)",
        message = "shares[].remote needs spec.s3")
@ValidationRule(value = "!has(self.percona) || !self.percona.enabled || !has(self.database)"
        + " || self.database.type != 'postgres'",
        message = "percona.enabled provisions the PostgreSQL database itself: remove database.type postgres and"
                + " database.postgresSecretRef (leave spec.database out)")
@ValidationRule(value = "!self.metrics.enabled || self.metrics.port != self.controlPlane.port",
        message = "metrics.port and controlPlane.port must differ: both listen in the dfs container")
@ValidationRule(value = "(!self.nfs.enabled || (self.controlPlane.port != " + Ports.NFS_CONTAINER
        + " && (!self.metrics.enabled || self.metrics.port != " + Ports.NFS_CONTAINER + ")))"
        + " && (!self.smb.enabled || (self.controlPlane.port != " + Ports.SMB_CONTAINER
        + " && (!self.metrics.enabled || self.metrics.port != " + Ports.SMB_CONTAINER + ")))",
        message = "controlPlane.port and metrics.port must differ from the container ports of NFS ("
                + Ports.NFS_CONTAINER + ") and SMB (" + Ports.SMB_CONTAINER + ")")
@ValidationRule(value = "!self.nfs.enabled || !has(self.nfs.portmapper) || !self.nfs.portmapper.enabled"
        + " || (self.nfs.port != " + Ports.PORTMAP_SERVICE + " && (!self.smb.enabled || (self.smb.port != "
        + Ports.PORTMAP_SERVICE + " && self.smb.port != " + Ports.NFS_CONTAINER + "))"
        + " && self.controlPlane.port != " + Ports.PORTMAP_CONTAINER
        + " && (!self.metrics.enabled || self.metrics.port != " + Ports.PORTMAP_CONTAINER + "))",
        message = "nfs.portmapper.enabled puts ports " + Ports.PORTMAP_SERVICE + " and " + Ports.NFS_CONTAINER
                + " on the -file Service and " + Ports.PORTMAP_CONTAINER + " in the container: nfs.port and smb.port"
                + " must not be " + Ports.PORTMAP_SERVICE + ", smb.port not " + Ports.NFS_CONTAINER
                + ", controlPlane.port and metrics.port not " + Ports.PORTMAP_CONTAINER)
// A user, group or grant may only name what is declared present: an absent user or group is being deleted.
@ValidationRule(value = "!has(self.users) || self.users.all(u, !has(u.groups) || u.groups.all(g, has(self.groups)"
        + " && self.groups.exists(x, x.name == g && (!has(x.ensure) || x.ensure != 'absent'))))",
        message = "users[].groups must name groups declared in spec.groups (and not ensure: absent)")
@ValidationRule(value = "!has(self.shares) || self.shares.all(s, !has(s.grants) || s.grants.all(g, !has(g.user)"
        + " || (has(self.users) && self.users.exists(u, u.name == g.user"
        + " && (!has(u.ensure) || u.ensure != 'absent')))))",
        message = "shares[].grants[].user must name a user declared in spec.users (and not ensure: absent)")
@ValidationRule(value = "!has(self.shares) || self.shares.all(s, !has(s.grants) || s.grants.all(g, !has(g.group)"
        + " || (has(self.groups) && self.groups.exists(x, x.name == g.group"
        + " && (!has(x.ensure) || x.ensure != 'absent')))))",
        message = "shares[].grants[].group must name a group declared in spec.groups (and not ensure: absent)")
// The Go operator's fields without a counterpart: declared below so that admission rejects them (a field missing
// from the schema would be pruned before any rule runs, and the object accepted without it).
@ValidationRule(value = "!has(self.snapshotPolicies)", message = "spec.snapshotPolicies moved to"
        + " spec.shares[].snapshotPolicy (one per share, same fields); see docs/MIGRATING.md")
@ValidationRule(value = "!has(self.adapterServices)", message = "spec.adapterServices is now spec.service (type and"
        + " annotations of the -file Service that serves NFS and SMB); see docs/MIGRATING.md")
@ValidationRule(value = "!has(self.adapterDiscovery)", message = "spec.adapterDiscovery is not used: the operator"
        + " configures the NFS and SMB adapters from spec.nfs and spec.smb and needs no polling; remove it (see"
        + " docs/MIGRATING.md)")
@SchemaSwap(originalType = PodSecurityContext.class, fieldName = "sysctls", targetType = SysctlSchema.Items.class)
public class DittoServerSpec extends ServerAccessSpec {

    static final String MIGRATING = " (docs/MIGRATING.md)";

    @Size(max = 512)
    @Default("marmos91c/dittofs:v0.29.0")
    @Pattern("^\\S+$")
    @JsonPropertyDescription("dfs container image. Defaults to a pinned release; changing it rolls the server pod.")
    private String image = "marmos91c/dittofs:v0.29.0";

    @Default("IfNotPresent")
    @JsonPropertyDescription("Image pull policy of the dfs container.")
    private PullPolicy imagePullPolicy = PullPolicy.IfNotPresent;

    @Size(max = 16)
    @SchemaFrom(type = PullSecretSchema.Items.class)
    @JsonPropertyDescription("Secrets for pulling the image from a private registry.")
    private List<LocalObjectReference> imagePullSecrets;

    @Default("1")
    @Min(0)
    @Max(1)
    @JsonPropertyDescription("Number of server pods: 1 runs the server, 0 stops it and keeps its data (dfs is single-node).")
    private Integer replicas = 1;

    @Required
    @JsonPropertyDescription("Persistent volumes of the server.")
    private StorageSpec storage;

    @Default("{}")
    @JsonPropertyDescription("NFS protocol settings.")
    private NfsSpec nfs = new NfsSpec();

    @Default("{}")
    @JsonPropertyDescription("SMB protocol settings.")
    private SmbSpec smb = new SmbSpec();

    @Default("{}")
    @JsonPropertyDescription("REST control-plane settings.")
    private ControlPlaneSpec controlPlane = new ControlPlaneSpec();

    @Default("{}")
    @JsonPropertyDescription("Prometheus metrics settings.")
    private MetricsSpec metrics = new MetricsSpec();

    @JsonPropertyDescription("An opt-in NetworkPolicy for the server pod: who may reach its file, API and metrics"
            + " ports.")
    private NetworkPolicySpec networkPolicy;

    @Default("{}")
    @JsonPropertyDescription("Exposure of the -file Service (NFS and SMB).")
    private ServiceSpec service = new ServiceSpec();

    @Default("{}")
    @JsonPropertyDescription("Control-plane database of dfs.")
    private DatabaseSpec database = new DatabaseSpec();

    @JsonPropertyDescription("A PostgreSQL cluster run by the Percona Operator for PostgreSQL that holds the dfs"
            + " control-plane database; when enabled, dfs uses it instead of database.")
    private PerconaSpec percona;

    @JsonPropertyDescription("S3 bucket for file content; credentials are injected from a Secret as AWS SDK environment variables.")
    private S3Spec s3;

    @Default("[{\"name\": \"/export\"}]")
    @Size(max = 32)
    @ValidationRule(value = "self.all(a, self.exists_one(b, a.name == b.name))", message = "shares names must be unique")
    @JsonPropertyDescription("Shares the operator creates in dfs once the server is ready and keeps as declared."
            + " Defaults to one share /export. A share is deleted from dfs only when declared with ensure: absent (its"
            + " files stay in the stores); removing it from the list leaves it in dfs. Shares created by hand are left"
            + " alone unless declared.")
    private List<ShareSpec> shares = defaultShares();

    @Default("{}")
    @JsonPropertyDescription("dfs logging.")
    private LoggingSpec logging = new LoggingSpec();

    @PreserveUnknownFields
    @SchemaFrom(type = GoOnlySchema.Items.class)
    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's per-share snapshot policies. Write"
            + " shares[].snapshotPolicy instead; declared only so that admission rejects it" + MIGRATING + ".")
    private JsonNode snapshotPolicies;

    @PreserveUnknownFields
    @SchemaFrom(type = GoOnlySchema.class)
    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's per-adapter Services. Write service (the -file"
            + " Service) instead; declared only so that admission rejects it" + MIGRATING + ".")
    private JsonNode adapterServices;

    @PreserveUnknownFields
    @SchemaFrom(type = GoOnlySchema.class)
    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's adapter polling, which this operator does not need."
            + " Remove it; declared only so that admission rejects it" + MIGRATING + ".")
    private JsonNode adapterDiscovery;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public PullPolicy getImagePullPolicy() {
        return imagePullPolicy;
    }

    public void setImagePullPolicy(PullPolicy imagePullPolicy) {
        this.imagePullPolicy = imagePullPolicy;
    }

    public List<LocalObjectReference> getImagePullSecrets() {
        return imagePullSecrets;
    }

    public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
        this.imagePullSecrets = imagePullSecrets;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public StorageSpec getStorage() {
        return storage;
    }

    public void setStorage(StorageSpec storage) {
        this.storage = storage;
    }

    public NfsSpec getNfs() {
        return nfs;
    }

    public void setNfs(NfsSpec nfs) {
        this.nfs = nfs;
    }

    public SmbSpec getSmb() {
        return smb;
    }

    public void setSmb(SmbSpec smb) {
        this.smb = smb;
    }

    public ControlPlaneSpec getControlPlane() {
        return controlPlane;
    }

    public void setControlPlane(ControlPlaneSpec controlPlane) {
        this.controlPlane = controlPlane;
    }

    public MetricsSpec getMetrics() {
        return metrics;
    }

    public void setMetrics(MetricsSpec metrics) {
        this.metrics = metrics;
    }

    public NetworkPolicySpec getNetworkPolicy() {
        return networkPolicy;
    }

    public void setNetworkPolicy(NetworkPolicySpec networkPolicy) {
        this.networkPolicy = networkPolicy;
    }

    public ServiceSpec getService() {
        return service;
    }

    public void setService(ServiceSpec service) {
        this.service = service;
    }

    public DatabaseSpec getDatabase() {
        return database;
    }

    public void setDatabase(DatabaseSpec database) {
        this.database = database;
    }

    public PerconaSpec getPercona() {
        return percona;
    }

    public void setPercona(PerconaSpec percona) {
        this.percona = percona;
    }

    private static List<ShareSpec> defaultShares() {
        ShareSpec export = new ShareSpec();
        export.setName("/export");
        return new java.util.ArrayList<>(List.of(export));
    }

    public List<ShareSpec> getShares() {
        return shares;
    }

    public void setShares(List<ShareSpec> shares) {
        this.shares = shares;
    }

    public S3Spec getS3() {
        return s3;
    }

    public void setS3(S3Spec s3) {
        this.s3 = s3;
    }

    public LoggingSpec getLogging() {
        return logging;
    }

    public void setLogging(LoggingSpec logging) {
        this.logging = logging;
    }
}
