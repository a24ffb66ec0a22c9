package com.dittofs.operator.api.v1alpha1;

import com.dittofs.operator.naming.Names;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** dfs logging: level, format and where it goes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoggingSpec {

    @Default("INFO")
    @JsonPropertyDescription("Log level: DEBUG, INFO, WARN or ERROR.")
    private LogLevel level = LogLevel.INFO;

    @Default("json")
    @JsonPropertyDescription("Log format: json (default, for log collectors) or text.")
    private LogFormat format = LogFormat.JSON;

    @Default("stdout")
    @Size(max = 128)
    @ValidationRule(value = "self in ['stdout', 'stderr'] || self.matches('^" + Names.LOG_DIR
            + "/[A-Za-z0-9_-][A-Za-z0-9._-]*$')",
            message = "logging.output is stdout, stderr or a file in " + Names.LOG_DIR + " (the root filesystem is"
                    + " read-only)")
    @JsonPropertyDescription("Where dfs writes its log: stdout (default, what kubectl logs shows), stderr, or a file"
            + " " + Names.LOG_DIR + "/<name> on an emptyDir volume the operator mounts there (dfs rotates it;"
            + " kubectl logs then shows nothing).")
    private String output = "stdout";

    /** Whether the log goes to a file (which needs the writable log directory). */
    public boolean toFile() {
        return output != null && output.startsWith("/");
    }

    public String getOutput() {
        return output;
    }

    public void setOutput(String output) {
        this.output = output;
    }

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
