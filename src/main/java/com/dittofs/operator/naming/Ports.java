package com.dittofs.operator.naming;

/** Ports of the dfs container and the names the Services target. */
public final class Ports {

    /** dfs runs as a non-root user, so it listens on unprivileged ports; Services map client ports onto them. */
    public static final int NFS_CONTAINER = 12049;
    public static final int SMB_CONTAINER = 1445;
    /** dfs's embedded portmapper (TCP and UDP), and the standard port 111 the -file Service maps onto it. */
    public static final int PORTMAP_CONTAINER = 10111;
    public static final int PORTMAP_SERVICE = 111;

    public static final String API = "api";
    public static final String METRICS = "metrics";
    public static final String NFS = "nfs";
    public static final String SMB = "smb";
    public static final String PORTMAP = "portmap";
    public static final String PORTMAP_UDP = "portmap-udp";
    /** MOUNT, NLM and NSM over UDP, on the NFS container port. */
    public static final String NFS_UDP = "nfs-udp";
    /** The NFS container port on the -file Service, as the portmapper advertises it. */
    public static final String NFS_DIRECT = "nfs-direct";
    public static final String NFS_DIRECT_UDP = "nfs-direct-udp";

    public static final String HEALTH_PATH = "/health";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";

    private Ports() {
    }
}
