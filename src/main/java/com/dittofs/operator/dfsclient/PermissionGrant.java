package com.dittofs.operator.dfsclient;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of a permission upsert. */
@RegisterForReflection
public record PermissionGrant(String level) {
}
