package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An S3 (or S3-compatible) bucket for file content. Credentials come from a Secret, never from the ConfigMap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3Spec {

    @Required
    @JsonPropertyDescription("Secret with the access key pair, injected as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
    private S3CredentialsRef credentialsSecretRef;

    @Required
    @Pattern("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
    @JsonPropertyDescription("Bucket name (3-63 lowercase letters, digits, dots or dashes).")
    private String bucket;

    @Size(max = 64)
    @Pattern("^\\S+$")
    @Default("us-east-1")
    @JsonPropertyDescription("Region of the bucket (AWS_REGION).")
    private String region = "us-east-1";

    @Size(max = 2048)
    @Pattern("^https?://.+")
    @JsonPropertyDescription("Endpoint URL of an S3-compatible service such as MinIO (AWS_ENDPOINT_URL). Omit for AWS.")
    private String endpoint;

    @Default("false")
    @JsonPropertyDescription("Use path-style addressing (bucket in the path), needed by most S3-compatible services.")
    private Boolean forcePathStyle = false;

    public S3CredentialsRef getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(S3CredentialsRef credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Boolean getForcePathStyle() {
        return forcePathStyle;
    }

    public void setForcePathStyle(Boolean forcePathStyle) {
        this.forcePathStyle = forcePathStyle;
    }
}
