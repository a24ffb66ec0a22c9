package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Credentials dfs needs at start: the JWT signing secret and the initial admin password. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IdentitySpec {

    @JsonPropertyDescription("JWT signing secret of the REST API (at least 32 characters). Generated when omitted.")
    private JwtSpec jwt;

    @JsonPropertyDescription("Password of the bootstrap user admin, set on first start only. Generated when omitted.")
    private AdminSpec admin;

    public JwtSpec getJwt() {
        return jwt;
    }

    public void setJwt(JwtSpec jwt) {
        this.jwt = jwt;
    }

    public AdminSpec getAdmin() {
        return admin;
    }

    public void setAdmin(AdminSpec admin) {
        this.admin = admin;
    }
}
