package com.dittofs.operator.dfsclient;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A protocol adapter (nfs or smb); dfs seeds both on first start, so they are only ever updated. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Adapter(
        String id,
        String type,
        boolean enabled,
        boolean running,
        int port,
        Map<String, Object> config,
        StatusReport status) {
}
