package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Access to one share for one declared user or group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.user) != has(self.group)", message = "a grant names exactly one of user and group")
public class ShareGrant {

    @Size(max = 32)
    @JsonPropertyDescription("A user declared in spec.users.")
    private String user;

    @Size(max = 32)
    @JsonPropertyDescription("A group declared in spec.groups.")
    private String group;

    @Required
    @JsonPropertyDescription("none, read, read-write or admin. A user's own grant wins over its groups' grants, which"
            + " win over the share's defaultPermission.")
    private AccessLevel level;

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public AccessLevel getLevel() {
        return level;
    }

    public void setLevel(AccessLevel level) {
        this.level = level;
    }
}
