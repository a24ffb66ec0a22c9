package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** dfs's dry run of an identity provider: ok, or the stage that failed (validate, connect) and why. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderTestResult(boolean ok, String stage, String message) {
}
