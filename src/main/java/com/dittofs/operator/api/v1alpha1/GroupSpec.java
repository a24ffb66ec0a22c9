package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A dfs group the operator creates and keeps as declared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GroupSpec {

    @Required
    @Size(max = 32)
    @Pattern(UserSpec.NAME_PATTERN)
    @ValidationRule(value = "!(self in ['admins', 'operators', 'users'])",
            message = "admins, operators and users are dfs's own groups and cannot be declared")
    @JsonPropertyDescription("Group name: lowercase letters, digits, '_', '.', '-'. Not one of dfs's own groups"
            + " (admins, operators, users).")
    private String name;

    @Min(1)
    @Max(4294967295L)
    // dfs keeps GIDs unique and seeds operators (999) and users (1000): creating the group would fail every pass
    @ValidationRule(value = "self != 999 && self != 1000",
            message = "gid 999 and 1000 belong to dfs's own groups operators and users")
    @JsonPropertyDescription("Unix GID of the group, unique among the groups; not 999 or 1000 (dfs's operators and"
            + " users groups). A grant to the group reaches NFS clients only when they send this GID (AUTH_SYS);"
            + " without it the group's grants apply over SMB only.")
    private Long gid;

    @Default("present")
    @JsonPropertyDescription("present (default): the group exists in dfs as declared. absent: the operator deletes"
            + " the group from dfs (also one made by hand) and keeps it deleted. Removing a group from spec.groups"
            + " deletes nothing.")
    private Ensure ensure = Ensure.PRESENT;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getGid() {
        return gid;
    }

    public void setGid(Long gid) {
        this.gid = gid;
    }

    public Ensure getEnsure() {
        return ensure;
    }

    public void setEnsure(Ensure ensure) {
        this.ensure = ensure;
    }
}
