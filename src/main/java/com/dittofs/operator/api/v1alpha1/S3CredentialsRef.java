package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** A Secret holding S3 credentials, and which of its keys to read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3CredentialsRef {

    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @Required
    @JsonPropertyDescription("Name of the Secret, in the DittoServer's namespace.")
    private String name;

    @Size(max = 253)
    @Pattern(Quantities.SECRET_KEY)
    @Default("accessKeyId")
    @JsonPropertyDescription("Key holding the access key ID (becomes AWS_ACCESS_KEY_ID).")
    private String accessKeyIdKey = "accessKeyId";

    @Size(max = 253)
    @Pattern(Quantities.SECRET_KEY)
    @Default("secretAccessKey")
    @JsonPropertyDescription("Key holding the secret access key (becomes AWS_SECRET_ACCESS_KEY).")
    private String secretAccessKeyKey = "secretAccessKey";

    @Size(max = 253)
    @Pattern(Quantities.SECRET_KEY)
    @JsonPropertyDescription("Optional key holding the endpoint URL (becomes AWS_ENDPOINT_URL; wins over s3.endpoint).")
    private String endpointKey;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAccessKeyIdKey() {
        return accessKeyIdKey;
    }

    public void setAccessKeyIdKey(String accessKeyIdKey) {
        this.accessKeyIdKey = accessKeyIdKey;
    }

    public String getSecretAccessKeyKey() {
        return secretAccessKeyKey;
    }

    public void setSecretAccessKeyKey(String secretAccessKeyKey) {
        this.secretAccessKeyKey = secretAccessKeyKey;
    }

    public String getEndpointKey() {
        return endpointKey;
    }

    public void setEndpointKey(String endpointKey) {
        this.endpointKey = endpointKey;
    }
}
