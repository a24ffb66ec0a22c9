package com.dittofs.operator.dfsclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of a password reset (new only) or of a user's own change (current and new). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordChange(@JsonProperty("current_password") String currentPassword,
        @JsonProperty("new_password") String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[****]";
    }
}
