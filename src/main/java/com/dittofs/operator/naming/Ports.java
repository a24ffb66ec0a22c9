package com.dittofs.operator.naming;

/** Ports of the dfs container and the names the Services target. */
public final class Ports {

    /** dfs runs as a non-root user, so it listens on unprivileged ports; Services map client ports onto them. */
    public static final int NFS_CONTAINER = 12049;
    public static final int SMB_CONTAINER = 1445;

    public static final String API = "api";
    public static final String METRICS = "metrics";
    public static final String NFS = "nfs";
    public static final String SMB = "smb";

    public static final String HEALTH_PATH = "/health";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";

    private Ports() {
    }
}
