package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The Secret with the pgBackRest S3 credentials, in the Percona format. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PerconaBackupCredentialsRef {

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of the Secret, in the DittoServer's namespace. Its key s3.conf holds a pgBackRest"
            + " [global] section with repo1-s3-key and repo1-s3-key-secret.")
    private String name;

    public PerconaBackupCredentialsRef() {
    }

    public PerconaBackupCredentialsRef(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
