package com.dittofs.operator.dfsclient;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Create (all of name, type, config) or partial update (name ignored, null type/config unchanged) of a metadata or
 * block store. The config map travels as a JSON string; a non-null config replaces the stored one entirely, and a
 * secret sent back as "********" keeps the stored value.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoreRequest(String name, String type,
        @JsonSerialize(using = JsonStringSerializer.class) Map<String, Object> config) {

    public static StoreRequest create(String name, String type, Map<String, Object> config) {
        return new StoreRequest(name, type, config);
    }

    public static StoreRequest update(String type, Map<String, Object> config) {
        return new StoreRequest(null, type, config);
    }

    @Override
    public String toString() {
        return "StoreRequest[name=" + name + ", type=" + type + ", config keys="
                + (config == null ? "-" : config.keySet()) + "]";
    }
}
