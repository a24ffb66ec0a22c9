package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** pgBackRest backups of the Percona database to S3 (repository repo1 of the PerconaPGCluster). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!self.enabled || (has(self.bucket) && has(self.credentialsSecretRef))",
        message = "percona.backup.bucket and percona.backup.credentialsSecretRef.name are required when"
                + " percona.backup.enabled is true")
@ValidationRule(value = "!has(self.incrSchedule)", message = "percona.backup.incrSchedule is now"
        + " percona.backup.incrementalSchedule; see docs/MIGRATING.md")
public class PerconaBackupSpec {

    @JsonProperty
    @JsonPropertyDescription("Not supported: the Go operator's name of incrementalSchedule. Write"
            + " incrementalSchedule instead; declared only so that admission rejects it" + DittoServerSpec.MIGRATING
            + ".")
    private String incrSchedule;

    /** A five-field cron expression, as the PerconaPGCluster schedules take. */
    static final String CRON = "^\\S+( +\\S+){4}$";

    @Default("false")
    @JsonPropertyDescription("Back the database up to S3 with pgBackRest. Without it the cluster has no backups.")
    private Boolean enabled = false;

    @Pattern("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
    @JsonPropertyDescription("S3 bucket of the pgBackRest repository (required when enabled).")
    private String bucket;

    @Size(max = 512)
    @Pattern("^[^/\\s]+$")
    @JsonPropertyDescription("S3 endpoint as pgBackRest expects it: a host with an optional port, no scheme (e.g."
            + " minio.minio.svc:9000). Defaults to s3.<region>.amazonaws.com.")
    private String endpoint;

    @Size(max = 64)
    @Pattern("^\\S+$")
    @Default("us-east-1")
    @JsonPropertyDescription("Region of the bucket.")
    private String region = "us-east-1";

    @Default("false")
    @JsonPropertyDescription("Path-style addressing (bucket in the path), needed by most S3-compatible services"
            + " (pgBackRest repo1-s3-uri-style path).")
    private Boolean forcePathStyle = false;

    @JsonPropertyDescription("Secret with the S3 credentials in the Percona format: key s3.conf holding a pgBackRest"
            + " [global] section with repo1-s3-key and repo1-s3-key-secret (required when enabled).")
    private PerconaBackupCredentialsRef credentialsSecretRef;

    @Default("0 1 * * 0")
    @Pattern(CRON)
    @JsonPropertyDescription("Cron schedule of full backups (default: Sundays at 01:00).")
    private String fullSchedule = "0 1 * * 0";

    @Default("0 1 * * 1-6")
    @Pattern(CRON)
    @JsonPropertyDescription("Cron schedule of incremental backups (default: Monday to Saturday at 01:00).")
    private String incrementalSchedule = "0 1 * * 1-6";

    @Default("14")
    @Min(1)
    @Max(9999)
    @JsonPropertyDescription("Days full backups (and the incremental backups and WAL that depend on them) are kept"
            + " (pgBackRest repo1-retention-full with repo1-retention-full-type time).")
    private Integer retentionDays = 14;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Boolean getForcePathStyle() {
        return forcePathStyle;
    }

    public void setForcePathStyle(Boolean forcePathStyle) {
        this.forcePathStyle = forcePathStyle;
    }

    public PerconaBackupCredentialsRef getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(PerconaBackupCredentialsRef credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public String getFullSchedule() {
        return fullSchedule;
    }

    public void setFullSchedule(String fullSchedule) {
        this.fullSchedule = fullSchedule;
    }

    public String getIncrementalSchedule() {
        return incrementalSchedule;
    }

    public void setIncrementalSchedule(String incrementalSchedule) {
        this.incrementalSchedule = incrementalSchedule;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }
}
