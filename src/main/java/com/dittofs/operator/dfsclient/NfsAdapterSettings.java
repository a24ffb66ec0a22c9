package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The NFS adapter settings the operator owns ({@code /api/v1/adapters/nfs/settings}); dfs reads them when the adapter
 * starts, and they win over config.yaml. As a PATCH body, null fields are left unchanged.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NfsAdapterSettings(
        @JsonProperty("portmapper_enabled") Boolean portmapperEnabled,
        @JsonProperty("portmapper_port") Integer portmapperPort,
        @JsonProperty("udp_enabled") Boolean udpEnabled) {
}
