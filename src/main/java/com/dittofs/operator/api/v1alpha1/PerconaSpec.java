package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A PostgreSQL cluster run by the Percona Operator for PostgreSQL (a PerconaPGCluster named {@code <name>-db}) that
 * holds the dfs control-plane database. Requires the Percona operator and its CRD in the cluster.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.storageClassName) == has(oldSelf.storageClassName)"
        + " && (!has(self.storageClassName) || self.storageClassName == oldSelf.storageClassName)",
        message = "percona.storageClassName is immutable after creation")
@ValidationRule(value = "self.databaseName == oldSelf.databaseName",
        message = "percona.databaseName is immutable: a new name would point dfs at an empty database")
public class PerconaSpec {

    @Default("false")
    @JsonPropertyDescription("Provision a PerconaPGCluster <name>-db and keep the dfs control-plane database"
            + " (users, groups, stores, shares, adapters) in it. Cannot be combined with database.type postgres.")
    private Boolean enabled = false;

    @Default("1")
    @Min(1)
    @Max(5)
    @JsonPropertyDescription("PostgreSQL instances (one primary plus replicas), 1-5.")
    private Integer replicas = 1;

    @Default("10Gi")
    @Pattern(Quantities.STORAGE)
    @JsonPropertyDescription("Data volume of each PostgreSQL instance, e.g. 10Gi. Growing it resizes the volumes when"
            + " the StorageClass allows expansion; shrinking is not possible.")
    private String storageSize = "10Gi";

    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("StorageClass of the PostgreSQL data volumes. Omit to use the cluster default. Immutable.")
    private String storageClassName;

    @Default("dittofs")
    @Pattern("^[a-z][a-z0-9_]{0,62}$")
    @JsonPropertyDescription("Database dfs uses (lowercase letters, digits, underscores). The PostgreSQL user is"
            + " always dittofs. Immutable.")
    private String databaseName = "dittofs";

    @Default("16")
    @Min(12)
    @Max(18)
    @JsonPropertyDescription("PostgreSQL major version (what the PerconaPGCluster CRD accepts: 12-18; the Percona"
            + " operator must ship an image for it). After a major upgrade with Percona's PerconaPGUpgrade, set it"
            + " to the new version.")
    private Integer postgresVersion = 16;

    @Default("false")
    @JsonPropertyDescription("Delete the database together with the DittoServer. By default (false) the"
            + " PerconaPGCluster is not owned by the DittoServer and outlives it; a DittoServer of the same name"
            + " picks it up again.")
    private Boolean deleteWithServer = false;

    @JsonPropertyDescription("pgBackRest backups of the database to an S3 bucket.")
    private PerconaBackupSpec backup;

    /** Whether a spec asks for a Percona database. */
    public static boolean enabledIn(DittoServerSpec spec) {
        return spec.getPercona() != null && Boolean.TRUE.equals(spec.getPercona().getEnabled());
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getStorageSize() {
        return storageSize;
    }

    public void setStorageSize(String storageSize) {
        this.storageSize = storageSize;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }

    public String getDatabaseName() {
        return databaseName;
    }

    public void setDatabaseName(String databaseName) {
        this.databaseName = databaseName;
    }

    public Integer getPostgresVersion() {
        return postgresVersion;
    }

    public void setPostgresVersion(Integer postgresVersion) {
        this.postgresVersion = postgresVersion;
    }

    public Boolean getDeleteWithServer() {
        return deleteWithServer;
    }

    public void setDeleteWithServer(Boolean deleteWithServer) {
        this.deleteWithServer = deleteWithServer;
    }

    public PerconaBackupSpec getBackup() {
        return backup;
    }

    public void setBackup(PerconaBackupSpec backup) {
        this.backup = backup;
    }
}
