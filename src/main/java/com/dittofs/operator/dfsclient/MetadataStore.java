package com.dittofs.operator.dfsclient;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A metadata store; its config comes back as an object, with secret values replaced by "********". */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetadataStore(String id, String name, String type, Map<String, Object> config, StatusReport status) {
}
