package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A cert-manager issuer, as a cert-manager Certificate names it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IssuerRef {

    @Required
    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the Issuer (in the DittoServer's namespace) or ClusterIssuer.")
    private String name;

    @Default("Issuer")
    @Size(max = 63)
    @Pattern("^[A-Z][A-Za-z0-9]*$")
    @JsonPropertyDescription("Kind of the issuer: Issuer, ClusterIssuer, or the kind of an external issuer.")
    private String kind = "Issuer";

    @Default("cert-manager.io")
    @Size(max = 253)
    @Pattern(Quantities.DNS_SUBDOMAIN)
    @JsonPropertyDescription("API group of the issuer: cert-manager.io, or the group of an external issuer.")
    private String group = "cert-manager.io";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
