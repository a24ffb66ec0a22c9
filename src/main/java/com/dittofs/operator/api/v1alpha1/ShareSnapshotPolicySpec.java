package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The schedule on which dfs snapshots one share, and how many of those snapshots it keeps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.interval) || (has(self.ensure) && self.ensure == 'absent')",
        message = "snapshotPolicy.interval is required (unless ensure is absent)")
public class ShareSnapshotPolicySpec {

    /** A Go duration as dfs parses it (time.ParseDuration), without sign: the matches() guards duration(). */
    static final String GO_DURATION = "^(([0-9]+([.][0-9]*)?|[.][0-9]+)(ns|us|ms|s|m|h))+$";

    @Size(max = 32)
    @ValidationRule(value = "self.matches('^@(?i:hourly|daily|weekly)$') || (self.matches('" + GO_DURATION + "')"
            + " && duration(self) >= duration('1m'))",
            message = "interval must be @hourly, @daily, @weekly or a duration of at least 1m such as 6h or 90m"
                    + " (dfs looks for due policies once a minute)")
    @JsonPropertyDescription("How often dfs snapshots the share: @hourly, @daily, @weekly or a Go duration of at least"
            + " 1m (6h, 90m). A new policy takes its first snapshot within a minute. Required unless ensure is"
            + " absent.")
    private String interval;

    @Min(0)
    @JsonPropertyDescription("Keep only the newest N snapshots this policy took (dfs prunes the rest). 0 or unset: no"
            + " count bound. Snapshots taken on demand (DittoSnapshot, dfsctl) and safety snapshots are never"
            + " pruned.")
    private Integer keepLast;

    @Size(max = 32)
    @ValidationRule(value = "self == '' || self == '0' || self.matches('" + GO_DURATION + "')",
            message = "ttl must be a duration such as 720h, or 0 for no age bound")
    @JsonPropertyDescription("Prune snapshots this policy took once they are older than this Go duration (720h)."
            + " Unset or 0: no age bound.")
    private String ttl;

    @Default("true")
    @JsonPropertyDescription("false pauses the schedule; the policy and its snapshots stay.")
    private Boolean enabled = true;

    @Size(max = 64)
    @Pattern("^[A-Za-z0-9_-]{0,64}$")
    @JsonPropertyDescription("Name prefix of the snapshots this policy takes (<prefix>-YYYYMMDD-HHMMSS, UTC); dfs uses"
            + " 'scheduled' when unset. Letters, digits, '_' and '-', at most 64.")
    private String namePrefix;

    @Default("present")
    @JsonPropertyDescription("present (default): dfs holds this policy as declared (a hand-made policy of the share"
            + " is adopted, and hand edits are undone). absent: the operator deletes the share's policy from dfs"
            + " (also one made by hand); the other fields are then ignored. Removing snapshotPolicy from the share"
            + " deletes nothing. Deleting a policy keeps the snapshots it took.")
    private Ensure ensure = Ensure.PRESENT;

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Integer getKeepLast() {
        return keepLast;
    }

    public void setKeepLast(Integer keepLast) {
        this.keepLast = keepLast;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public Ensure getEnsure() {
        return ensure;
    }

    public void setEnsure(Ensure ensure) {
        this.ensure = ensure;
    }
}
