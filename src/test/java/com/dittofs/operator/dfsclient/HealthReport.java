package com.dittofs.operator.dfsclient;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of /health and /health/ready; {@code data} differs between the two, so it stays untyped. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthReport(String status, Instant timestamp, Map<String, Object> data) {
}
