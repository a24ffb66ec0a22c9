package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One grant on a share: type user, group or sid; level none, read, read-write or admin. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SharePermission(String type, String name, String level) {
}
