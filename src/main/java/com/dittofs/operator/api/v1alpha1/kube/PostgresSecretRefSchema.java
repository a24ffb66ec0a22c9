package com.dittofs.operator.api.v1alpha1.kube;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Schema of spec.database.postgresSecretRef: a Secret name, and the Go operator's key, declared so that admission
 * rejects it by a rule naming what to write instead (an undeclared key would be pruned and the object accepted).
 */
public class PostgresSecretRefSchema {

    @JsonPropertyDescription("Name of the Secret.")
    public String name;

    @JsonPropertyDescription("Not supported: the Go operator's key of a connection string. The Secret holds host,"
            + " port, database, user, password and sslmode as separate keys (docs/MIGRATING.md).")
    public String key;
}
