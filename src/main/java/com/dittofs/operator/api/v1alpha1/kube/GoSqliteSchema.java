package com.dittofs.operator.api.v1alpha1.kube;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Schema of spec.database.sqlite: the Go operator's one key, typed so that the CEL rule on the database can read it
 * (a field of no type is no field to CEL, and the CRD would not compile).
 */
public class GoSqliteSchema {

    @JsonPropertyDescription("The SQLite file of the Go operator; only its default is accepted (docs/MIGRATING.md).")
    public String path;
}
