package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
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
public class DatabaseSpec {

    @Default("sqlite")
    @JsonPropertyDescription("sqlite (default: a file on the metadata volume) or postgres (an external PostgreSQL"
            + " described by postgresSecretRef).")
    private DatabaseType type = DatabaseType.SQLITE;

    @JsonPropertyDescription("Secret in the DittoServer's namespace with the PostgreSQL connection: keys host, user,"
            + " password, database (or dbname), and optionally port (default 5432) and sslmode (default require).")
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
