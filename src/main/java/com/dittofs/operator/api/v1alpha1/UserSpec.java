package com.dittofs.operator.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** A dfs user the operator creates and keeps as declared; its password comes from a Secret, never the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.ensure) && self.ensure == 'absent') || has(self.passwordSecretRef)",
        message = "users[].passwordSecretRef is required unless ensure is absent")
public class UserSpec {

    static final String NAME_PATTERN = "^[a-z_][a-z0-9_.-]{0,31}$";

    @Required
    @Size(max = 32)
    @Pattern(NAME_PATTERN)
    @ValidationRule(value = "self != 'admin'",
            message = "admin is dfs's bootstrap account: set its password with spec.identity.admin")
    @JsonPropertyDescription("User name (the SMB login and the dfs account): lowercase letters, digits, '_', '.',"
            + " '-'. Not admin, which spec.identity.admin manages.")
    private String name;

    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "users[].passwordSecretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the user's password (8 to 72 bytes); required unless ensure is"
            + " absent (then it is not read). Editing the Secret resets the password in dfs (SMB included) without"
            + " restarting the server.")
    private SecretKeySelector passwordSecretRef;

    @Default("user")
    @JsonPropertyDescription("user (default) or admin (may use the whole REST API, like the admin account).")
    private UserRole role = UserRole.USER;

    @Min(1)
    @Max(4294967295L)
    @JsonPropertyDescription("Unix UID: NFS clients sending this UID (AUTH_SYS) act as this user. Without it the user"
            + " is reachable over SMB only. Unique among the users; 0 is admin's.")
    private Long uid;

    @Min(0)
    @Max(4294967295L)
    @JsonPropertyDescription("Unix primary GID of the user.")
    private Long gid;

    @Size(max = 16)
    @JsonPropertyDescription("Groups of the user, each declared in spec.groups. The list replaces the user's"
            + " membership in dfs.")
    private List<String> groups;

    @Default("true")
    @JsonPropertyDescription("Whether the user may use the server. A disabled user keeps its account and uid but may"
            + " not log in, and holds no grants and no group memberships in dfs (NFS does not ask whether a user is"
            + " enabled), until it is enabled again; its password is then set from the Secret first.")
    private Boolean enabled = true;

    @Default("present")
    @JsonPropertyDescription("present (default): the user exists in dfs as declared. absent: the operator deletes"
            + " the user from dfs (also one made by hand) and keeps it deleted. Removing a user from spec.users"
            + " deletes nothing: the account stays in dfs, with its password, until declared absent.")
    private Ensure ensure = Ensure.PRESENT;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public SecretKeySelector getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeySelector passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }

    public UserRole getRole() {
        return role;
    }

    public void setRole(UserRole role) {
        this.role = role;
    }

    public Long getUid() {
        return uid;
    }

    public void setUid(Long uid) {
        this.uid = uid;
    }

    public Long getGid() {
        return gid;
    }

    public void setGid(Long gid) {
        this.gid = gid;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups;
    }

    public Ensure getEnsure() {
        return ensure;
    }

    public void setEnsure(Ensure ensure) {
        this.ensure = ensure;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
