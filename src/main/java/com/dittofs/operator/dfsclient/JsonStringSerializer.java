package com.dittofs.operator.dfsclient;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Writes a value as a string holding its JSON: dfs wants store configs that way (an object gets 400). */
@RegisterForReflection
public final class JsonStringSerializer extends StdSerializer<Object> {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonStringSerializer() {
        super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(JSON.writeValueAsString(value));
    }
}
