package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** NFS (v3 and v4) on the -file Service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.udp) || !self.udp.enabled || (has(self.portmapper) && self.portmapper.enabled)",
        message = "nfs.udp.enabled needs nfs.portmapper.enabled: UDP clients find MOUNT and the lock manager through"
                + " the portmapper")
public class NfsSpec {

    @Default("true")
    @JsonPropertyDescription("Serve NFS. At least one of nfs and smb must be enabled.")
    private Boolean enabled = true;

    @Default("2049")
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Client-facing NFS port of the -file Service. The container listens on the server's own"
            + " unprivileged port; the Service maps this port onto it.")
    private Integer port = 2049;

    @JsonPropertyDescription("dfs's embedded portmapper (RPC program 100000), so that NFSv3 clients mount without"
            + " port options (mount -t nfs server:/export /mnt). The -file Service then also carries port 111 (TCP"
            + " and UDP) and the NFS container port 12049 (TCP), which is the port the portmapper tells clients for"
            + " NFS, MOUNT and the lock manager. Applied through dfs's NFS adapter settings, which restarts the NFS"
            + " adapter once. NFSv4 clients do not need it.")
    private NfsFeatureSpec portmapper;

    @JsonPropertyDescription("MOUNT, the lock manager (NLM) and status monitor (NSM) over UDP as well, for clients"
            + " that lock over UDP (macOS, BSD). NFS itself stays TCP only: dfs never serves NFS over UDP. Adds port"
            + " 12049/UDP to the -file Service. Needs portmapper.")
    private NfsFeatureSpec udp;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public NfsFeatureSpec getPortmapper() {
        return portmapper;
    }

    public void setPortmapper(NfsFeatureSpec portmapper) {
        this.portmapper = portmapper;
    }

    public NfsFeatureSpec getUdp() {
        return udp;
    }

    public void setUdp(NfsFeatureSpec udp) {
        this.udp = udp;
    }

    /** Whether the -file Service and the pod carry the portmapper: NFS on and its portmapper asked for. */
    public boolean portmapperServed() {
        return Boolean.TRUE.equals(enabled) && NfsFeatureSpec.on(portmapper);
    }

    /** Whether MOUNT/NLM/NSM are served over UDP too. */
    public boolean udpServed() {
        return portmapperServed() && NfsFeatureSpec.on(udp);
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
