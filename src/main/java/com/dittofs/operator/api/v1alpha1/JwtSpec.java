package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** The JWT signing secret of the dfs REST API and the lifetimes of the tokens it issues. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "duration(has(self.refreshTokenDuration) ? self.refreshTokenDuration : '168h')"
        + " > duration(has(self.accessTokenDuration) ? self.accessTokenDuration : '15m')",
        message = "identity.jwt.refreshTokenDuration must be longer than accessTokenDuration (dfs's defaults: 168h"
                + " and 15m)")
public class JwtSpec {

    @ValidationRule(value = "has(self.name) && self.name != '' && has(self.key) && self.key != ''",
            message = "identity.jwt.secretRef needs both name and key")
    @JsonPropertyDescription("Secret key holding the signing secret (at least 32 characters), injected as"
            + " DITTOFS_CONTROLPLANE_SECRET. When omitted the operator generates <name>-jwt once.")
    private SecretKeySelector secretRef;

    @Size(max = 32)
    @Pattern(Quantities.GO_DURATION)
    @ValidationRule(value = "duration(self) >= duration('1m')",
            message = "identity.jwt.accessTokenDuration must be at least 1m: the operator logs in with these tokens")
    @JsonPropertyDescription("Lifetime of the access tokens dfs issues, a Go duration (15m, 1h). Omitted: dfs's"
            + " default, 15m. Read by dfs at start: a change restarts the pod.")
    private String accessTokenDuration;

    @Size(max = 32)
    @Pattern(Quantities.GO_DURATION)
    @JsonPropertyDescription("Lifetime of the refresh tokens dfs issues, a Go duration longer than"
            + " accessTokenDuration. Omitted: dfs's default, 168h (7 days). Read by dfs at start.")
    private String refreshTokenDuration;

    public String getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public void setAccessTokenDuration(String accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
    }

    public String getRefreshTokenDuration() {
        return refreshTokenDuration;
    }

    public void setRefreshTokenDuration(String refreshTokenDuration) {
        this.refreshTokenDuration = refreshTokenDuration;
    }

    public SecretKeySelector getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeySelector secretRef) {
        this.secretRef = secretRef;
    }
}
