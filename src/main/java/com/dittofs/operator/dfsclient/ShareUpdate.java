package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Partial share update: null fields are left unchanged. Block stores are given by UUID here; an empty remote id
 * detaches the remote store, an empty quota removes the quota.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShareUpdate(
        @JsonProperty("local_block_store_id") String localBlockStoreId,
        @JsonProperty("remote_block_store_id") String remoteBlockStoreId,
        @JsonProperty("read_only") Boolean readOnly,
        @JsonProperty("default_permission") String defaultPermission,
        @JsonProperty("quota_bytes") String quotaBytes) {

    public static ShareUpdate readOnly(boolean readOnly) {
        return new ShareUpdate(null, null, readOnly, null, null);
    }

    public static ShareUpdate defaultPermission(String permission) {
        return new ShareUpdate(null, null, null, permission, null);
    }

}
