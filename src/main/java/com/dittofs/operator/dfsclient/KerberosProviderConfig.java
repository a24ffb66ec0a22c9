package com.dittofs.operator.dfsclient;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * dfs's Kerberos identity provider ({@code /api/v1/identity-providers/kerberos/config}). dfs stores the whole body on
 * PUT, so the sync sends back what it read with its own fields changed. The machine-account secret is write-only.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KerberosProviderConfig(
        boolean enabled,
        @JsonProperty("keytab_path") String keytabPath,
        @JsonProperty("service_principal") String servicePrincipal,
        String realm,
        @JsonProperty("netbios_domain") String netbiosDomain,
        @JsonProperty("dns_domain") String dnsDomain,
        @JsonProperty("krb5_conf") String krb5Conf,
        @JsonProperty("max_clock_skew") String maxClockSkew,
        @JsonProperty("context_ttl") String contextTtl,
        @JsonProperty("max_contexts") Integer maxContexts,
        @JsonProperty("machine_account") MachineAccount machineAccount) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MachineAccount(boolean enabled, @JsonProperty("account_name") String accountName,
            @JsonProperty("dc_address") List<String> dcAddress, String secret) {

        /** Never the secret. */
        @Override
        public String toString() {
            return "MachineAccount[enabled=" + enabled + ", accountName=" + accountName + "]";
        }
    }

    /** Never the machine secret. */
    @Override
    public String toString() {
        return "KerberosProviderConfig[enabled=" + enabled + ", servicePrincipal=" + servicePrincipal + ", realm="
                + realm + ", machineAccount=" + machineAccount + "]";
    }
}
