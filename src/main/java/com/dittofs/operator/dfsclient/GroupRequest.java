package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of group creation and of the partial group update. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupRequest(String name, Long gid, String description) {

    public GroupRequest(String name, Long gid) {
        this(name, gid, null);
    }
}
