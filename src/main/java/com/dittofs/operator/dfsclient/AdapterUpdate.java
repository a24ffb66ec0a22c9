package com.dittofs.operator.dfsclient;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Partial adapter update: null fields are left unchanged, but a non-null config replaces the whole object. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdapterUpdate(Boolean enabled, Integer port, Map<String, Object> config) {

}
