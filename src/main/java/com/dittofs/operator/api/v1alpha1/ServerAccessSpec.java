package com.dittofs.operator.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Who may use the server: the admin identity, and the users and groups the operator keeps in dfs. Fields of
 * {@link DittoServerSpec} (they appear directly under {@code spec} in the CRD), kept in a class of their own so that
 * the spec stays readable; the rules that tie users and groups to the shares' grants are on {@link DittoServerSpec}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ServerAccessSpec extends ServerPodSpec {

    @JsonPropertyDescription("JWT secret and admin password; generated into Secrets when omitted.")
    private IdentitySpec identity;

    @Size(max = 64)
    @ValidationRule(value = "self.all(a, self.exists_one(b, a.name == b.name))", message = "users names must be unique")
    @ValidationRule(value = "self.all(a, !has(a.uid) || self.exists_one(b, has(b.uid) && b.uid == a.uid))",
            message = "users[].uid must be unique")
    @JsonPropertyDescription("dfs users the operator creates and keeps as declared (SMB logins, NFS identities by"
            + " UID). Nothing is deleted because it leaves this list: a user is deleted from dfs only when declared"
            + " with ensure: absent. Users created by hand are left alone unless declared: declaring the name of an"
            + " existing dfs user takes that account over (role, UID, GID, groups, enabled and password are set as"
            + " declared; an event says so), and removing it from the list leaves it in dfs.")
    private List<UserSpec> users;

    @Size(max = 64)
    @ValidationRule(value = "self.all(a, self.exists_one(b, a.name == b.name))", message = "groups names must be unique")
    @ValidationRule(value = "self.all(a, !has(a.gid) || self.exists_one(b, has(b.gid) && b.gid == a.gid))",
            message = "groups[].gid must be unique")
    @JsonPropertyDescription("dfs groups the operator creates and keeps as declared, each GID used once. A group is"
            + " deleted from dfs only when declared with ensure: absent; removing it from the list leaves it in dfs."
            + " Groups created by hand are left alone unless declared.")
    private List<GroupSpec> groups;

    public List<UserSpec> getUsers() {
        return users;
    }

    public void setUsers(List<UserSpec> users) {
        this.users = users;
    }

    public List<GroupSpec> getGroups() {
        return groups;
    }

    public void setGroups(List<GroupSpec> groups) {
        this.groups = groups;
    }

    public IdentitySpec getIdentity() {
        return identity;
    }

    public void setIdentity(IdentitySpec identity) {
        this.identity = identity;
    }
}
