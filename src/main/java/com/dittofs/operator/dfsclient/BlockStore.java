package com.dittofs.operator.dfsclient;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A local (fs, memory) or remote (s3, memory) block store; secrets in config come back as "********". */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockStore(String id, String name, String kind, String type, Map<String, Object> config,
        StatusReport status) {
}
