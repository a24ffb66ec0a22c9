package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** dfs logging, written to stdout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoggingSpec {

    @Default("INFO")
    @JsonPropertyDescription("Log level: DEBUG, INFO, WARN or ERROR.")
    private LogLevel level = LogLevel.INFO;

    @Default("json")
    @JsonPropertyDescription("Log format: json (default, for log collectors) or text.")
    private LogFormat format = LogFormat.JSON;

    public LogLevel getLevel() {
        return level;
    }

    public void setLevel(LogLevel level) {
        this.level = level;
    }

    public LogFormat getFormat() {
        return format;
    }

    public void setFormat(LogFormat format) {
        this.format = format;
    }
}
