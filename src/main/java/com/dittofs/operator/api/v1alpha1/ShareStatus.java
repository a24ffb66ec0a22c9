package com.dittofs.operator.api.v1alpha1;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A declared share and whether dfs serves it as declared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShareStatus {

    @JsonPropertyDescription("Share name, as in spec.shares.")
    private String name;

    @JsonPropertyDescription("Whether dfs serves the share as declared.")
    private Boolean ready;

    @JsonPropertyDescription("What the operator found or did, or why the share is not ready.")
    private String message;

    public ShareStatus() {
    }

    public ShareStatus(String name, Boolean ready, String message) {
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
}
