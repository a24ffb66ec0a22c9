package com.dittofs.operator.dfsclient;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A share as dfs reports it. Store references come back as UUIDs (not the names used at create), sizes as lossy
 * 2-decimal strings ("10.00GiB"), and {@code usedBytes} counts the whole metadata store, not just this share.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Share(
        String id,
        String name,
        @JsonProperty("metadata_store_id") String metadataStoreId,
        @JsonProperty("local_block_store_id") String localBlockStoreId,
        @JsonProperty("remote_block_store_id") String remoteBlockStoreId,
        @JsonProperty("read_only") boolean readOnly,
        boolean enabled,
        @JsonProperty("default_permission") String defaultPermission,
        @JsonProperty("quota_bytes") String quotaBytes,
        @JsonProperty("used_bytes") long usedBytes,
        @JsonProperty("physical_bytes") long physicalBytes,
        StatusReport status,
        List<String> warnings) {
}
