package com.dittofs.operator.dfsclient;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DfsUser(
        String id,
        String username,
        String role,
        Long uid,
        Long gid,
        List<String> groups,
        boolean enabled,
        @JsonProperty("must_change_password") boolean mustChangePassword,
        @JsonProperty("display_name") String displayName) {
}
