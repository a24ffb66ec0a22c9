package com.dittofs.operator.api.v1alpha1;

import com.dittofs.operator.api.v1alpha1.kube.GoSqliteSchema;
import com.dittofs.operator.api.v1alpha1.kube.PostgresSecretRefSchema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** The dfs control-plane database. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.type != 'postgres' || (has(self.postgresSecretRef) && has(self.postgresSecretRef.name))",
        message = "database.postgresSecretRef.name is required when database.type is postgres")
@ValidationRule(value = "self.type == 'postgres' || !has(self.postgresSecretRef)",
        message = "database.postgresSecretRef is only used with database.type postgres")
@ValidationRule(value = "!has(self.sqlite) || !has(self.sqlite.path) || self.sqlite.path == '"
        + DatabaseSpec.GO_SQLITE_PATH + "'", message = "database.sqlite.path cannot be chosen: the SQLite database"
        + " is always /data/metadata/controlplane.db on the metadata volume; remove database.sqlite (see"
        + " docs/MIGRATING.md)")
@ValidationRule(value = "!has(self.postgresSecretRef) || !has(self.postgresSecretRef.key)",
        message = "database.postgresSecretRef.key is not supported: the Secret holds host, port, database, user,"
                + " password and sslmode as separate keys, not a connection string; see docs/MIGRATING.md")
public class DatabaseSpec {

    /** The Go operator's default SQLite path, accepted as a no-op: the database is on a server volume either way. */
    static final String GO_SQLITE_PATH = "/data/controlplane/controlplane.db";

    @SchemaFrom(type = GoSqliteSchema.class)
    @JsonProperty
    @JsonPropertyDescription("Accepted only as the Go operator wrote it by default, {path:"
            + " /data/controlplane/controlplane.db}, and changes nothing: the SQLite database is always"
            + " /data/metadata/controlplane.db on the metadata volume" + DittoServerSpec.MIGRATING + ".")
    private JsonNode sqlite;

    @Default("sqlite")
    @JsonPropertyDescription("sqlite (default: a file on the metadata volume) or postgres (an external PostgreSQL"
            + " described by postgresSecretRef).")
    private DatabaseType type = DatabaseType.SQLITE;

    @JsonPropertyDescription("Secret in the DittoServer's namespace with the PostgreSQL connection: keys host, user,"
            + " password, database (or dbname), and optionally port (default 5432) and sslmode (default require).")
    @SchemaFrom(type = PostgresSecretRefSchema.class)
    private LocalObjectReference postgresSecretRef;

    public DatabaseType getType() {
        return type;
    }

    public void setType(DatabaseType type) {
        this.type = type;
    }

    public LocalObjectReference getPostgresSecretRef() {
        return postgresSecretRef;
    }

    public void setPostgresSecretRef(LocalObjectReference postgresSecretRef) {
        this.postgresSecretRef = postgresSecretRef;
    }
}
