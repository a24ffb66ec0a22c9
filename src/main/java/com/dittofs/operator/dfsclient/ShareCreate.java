package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of share creation. Stores are named here by name or UUID, and the block store fields carry no "_id" suffix
 * (unlike {@link ShareUpdate}). dfs normalises the name to a single leading slash.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShareCreate(
        String name,
        @JsonProperty("metadata_store_id") String metadataStore,
        @JsonProperty("local_block_store") String localBlockStore,
        @JsonProperty("remote_block_store") String remoteBlockStore,
        @JsonProperty("read_only") Boolean readOnly,
        @JsonProperty("default_permission") String defaultPermission,
        @JsonProperty("quota_bytes") String quotaBytes) {


    public ShareCreate withRemoteBlockStore(String remote) {
        return new ShareCreate(name, metadataStore, localBlockStore, remote, readOnly, defaultPermission, quotaBytes);
    }

    public ShareCreate withDefaultPermission(String permission) {
        return new ShareCreate(name, metadataStore, localBlockStore, remoteBlockStore, readOnly, permission,
                quotaBytes);
    }
}
