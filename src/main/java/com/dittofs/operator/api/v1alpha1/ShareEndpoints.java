package com.dittofs.operator.api.v1alpha1;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What a client of one share copies: the NFS mount source and the SMB UNC path, with their ports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShareEndpoints {

    @JsonPropertyDescription("NFS mount source host:/share (mount -o port=<nfsPort>,mountport=<nfsPort>).")
    private String nfs;

    @JsonPropertyDescription("NFS port (also the MOUNT port).")
    private Integer nfsPort;

    @JsonPropertyDescription("SMB UNC path \\\\host\\share.")
    private String smb;

    @JsonPropertyDescription("SMB port.")
    private Integer smbPort;

    public ShareEndpoints() {
    }

    public ShareEndpoints(String nfs, Integer nfsPort, String smb, Integer smbPort) {
        this.nfs = nfs;
        this.nfsPort = nfsPort;
        this.smb = smb;
        this.smbPort = smbPort;
    }

    public String getNfs() {
        return nfs;
    }

    public void setNfs(String nfs) {
        this.nfs = nfs;
    }

    public Integer getNfsPort() {
        return nfsPort;
    }

    public void setNfsPort(Integer nfsPort) {
        this.nfsPort = nfsPort;
    }

    public String getSmb() {
        return smb;
    }

    public void setSmb(String smb) {
        this.smb = smb;
    }

    public Integer getSmbPort() {
        return smbPort;
    }

    public void setSmbPort(Integer smbPort) {
        this.smbPort = smbPort;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShareEndpoints e && Objects.equals(nfs, e.nfs) && Objects.equals(nfsPort, e.nfsPort)
                && Objects.equals(smb, e.smb) && Objects.equals(smbPort, e.smbPort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nfs, nfsPort, smb, smbPort);
    }
}
