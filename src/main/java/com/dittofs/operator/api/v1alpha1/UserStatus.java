package com.dittofs.operator.api.v1alpha1;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A declared user and whether dfs holds it as declared. Never carries the password. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserStatus {

    @JsonPropertyDescription("User name, as in spec.users.")
    private String name;

    @JsonPropertyDescription("Whether dfs holds the user as declared, password included.")
    private Boolean ready;

    @JsonPropertyDescription("What the operator found or did, or why the user is not ready.")
    private String message;

    public UserStatus() {
    }

    public UserStatus(String name, Boolean ready, String message) {
        this.name = name;
        this.ready = ready;
        this.message = message;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getReady() {
        return ready;
    }

    public void setReady(Boolean ready) {
        this.ready = ready;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserStatus s && Objects.equals(name, s.name) && Objects.equals(ready, s.ready)
                && Objects.equals(message, s.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, ready, message);
    }
}
