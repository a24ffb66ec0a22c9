package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** In-cluster addresses of the server, as clients use them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Endpoints {

    @JsonPropertyDescription("NFS address host:port of the -file Service (mount host:/export).")
    private String nfs;

    @JsonPropertyDescription("SMB address host:port of the -file Service.")
    private String smb;

    @JsonPropertyDescription("Base URL of the REST API (-api Service).")
    private String api;

    @JsonPropertyDescription("URL of the Prometheus endpoint (-metrics Service), when metrics are enabled.")
    private String metrics;

    public String getNfs() {
        return nfs;
    }

    public void setNfs(String nfs) {
        this.nfs = nfs;
    }

    public String getSmb() {
        return smb;
    }

    public void setSmb(String smb) {
        this.smb = smb;
    }

    public String getApi() {
        return api;
    }

    public void setApi(String api) {
        this.api = api;
    }

    public String getMetrics() {
        return metrics;
    }

    public void setMetrics(String metrics) {
        this.metrics = metrics;
    }
}
