package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Per-share NFS export options, read whole and patched partially (null fields unchanged). A new share squashes
 * root to guest, so a root NFS client can only write after {@code squash: root_to_admin} or a permissive grant.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NfsExportConfig(
        String squash,
        @JsonProperty("anonymous_uid") Long anonymousUid,
        @JsonProperty("anonymous_gid") Long anonymousGid,
        @JsonProperty("allow_auth_sys") Boolean allowAuthSys,
        @JsonProperty("require_kerberos") Boolean requireKerberos,
        @JsonProperty("min_kerberos_level") String minKerberosLevel,
        String netgroup) {

}
