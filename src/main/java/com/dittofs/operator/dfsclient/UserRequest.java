package com.dittofs.operator.dfsclient;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of user creation and of the partial user update (null fields unchanged). {@code password} only on create. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserRequest(String username, String password, String role, Long uid, Long gid, List<String> groups,
        Boolean enabled, @JsonProperty("display_name") String displayName) {

    public UserRequest(String username, String password, String role, Long uid, Long gid, List<String> groups,
            Boolean enabled) {
        this(username, password, role, uid, gid, groups, enabled, null);
    }

    @Override
    public String toString() {
        return "UserRequest[" + username + "]"; // never the password
    }
}
