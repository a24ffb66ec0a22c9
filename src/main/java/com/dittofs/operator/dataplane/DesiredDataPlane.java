package com.dittofs.operator.dataplane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.Ensure;
import com.dittofs.operator.api.v1alpha1.NfsSpec;
import com.dittofs.operator.api.v1alpha1.S3Spec;
import com.dittofs.operator.api.v1alpha1.ShareSnapshotPolicySpec;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.dfsclient.NfsAdapterSettings;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;

/**
 * What the operator wants a dfs server to hold: its adapters, the stores it owns, and the declared shares. Pure:
 * derived from the spec and the S3 credentials only.
 *
 * @param adapters desired state of the nfs and smb adapters
 * @param metadataStore the metadata store (badger on the metadata volume)
 * @param localStore the local block store (on the content volume when there is one, else on the cache volume)
 * @param remoteStore the S3 block store, when spec.s3 is set
 * @param shares the declared shares, in spec order
 * @param access declared users, groups, grants and NFS export settings
 */
public record DesiredDataPlane(List<AdapterState> adapters, Store metadataStore, Store localStore,
        Optional<Store> remoteStore, List<DesiredShare> shares, DesiredAccess access) {

    public static final String METADATA_STORE = "dittofs-metadata";
    public static final String LOCAL_STORE = "dittofs-local";
    public static final String REMOTE_STORE = "dittofs-s3";

    /**
     * An adapter as wanted: enabled or not, on the container port the -file Service targets.
     *
     * @param settings the NFS adapter settings the operator owns; null for SMB
     */
    public record AdapterState(String type, boolean enabled, int port, NfsAdapterSettings settings) {
    }

    /** A store the operator owns, by name. {@code config} may hold secrets: never log it. */
    public record Store(String name, String type, Map<String, Object> config) {
        @Override
        public String toString() {
            return "Store[" + name + ", " + type + "]";
        }
    }

    /** A share as wanted; {@code absent}: to be deleted from dfs (the other fields then do not matter). */
    public record DesiredShare(String name, boolean readOnly, String defaultPermission, boolean remote,
            boolean absent, SnapshotPolicySync.DesiredPolicy snapshotPolicy) {

        /** A share without a snapshot policy. */
        public DesiredShare(String name, boolean readOnly, String defaultPermission, boolean remote, boolean absent) {
            this(name, readOnly, defaultPermission, remote, absent, null);
        }
    }

    /** S3 credentials read from the referenced Secret. */
    public record S3Credentials(String accessKeyId, String secretAccessKey, String endpoint) {
        @Override
        public String toString() {
            return "S3Credentials[" + accessKeyId + ", ****]";
        }
    }

    /** @param passwords the declared users' passwords, by user name */
    public static DesiredDataPlane from(DittoServerSpec spec, Optional<S3Credentials> credentials,
            Map<String, DesiredAccess.Password> passwords) {
        List<AdapterState> adapters = List.of(
                new AdapterState("nfs", spec.getNfs().getEnabled(), Ports.NFS_CONTAINER, nfsSettings(spec.getNfs())),
                new AdapterState("smb", spec.getSmb().getEnabled(), Ports.SMB_CONTAINER, null));
        Store metadata = new Store(METADATA_STORE, "badger", Map.of("path", Names.METADATA_DIR + "/badger"));
        String blocks = (spec.getStorage().getContentSize() != null ? Names.CONTENT_DIR : Names.CACHE_DIR) + "/blocks";
        Store local = new Store(LOCAL_STORE, "fs", Map.of("path", blocks));
        Optional<Store> remote = Optional.ofNullable(spec.getS3())
                .flatMap(s3 -> credentials.map(c -> new Store(REMOTE_STORE, "s3", s3Config(s3, c))));
        List<DesiredShare> shares = spec.getShares() == null ? List.of() : spec.getShares().stream()
                .map(s -> share(s, spec.getS3() != null))
                .toList();
        return new DesiredDataPlane(adapters, metadata, local, remote, shares, DesiredAccess.from(spec, passwords));
    }

    /** The portmapper on its fixed container port (the pod and the -file Service expose that one). */
    static NfsAdapterSettings nfsSettings(NfsSpec nfs) {
        return new NfsAdapterSettings(nfs.portmapperServed(), Ports.PORTMAP_CONTAINER, nfs.udpServed());
    }

    private static DesiredShare share(ShareSpec share, boolean haveS3) {
        boolean remote = share.getRemote() == null ? haveS3 : share.getRemote();
        return new DesiredShare(share.getName(), Boolean.TRUE.equals(share.getReadOnly()),
                share.getDefaultPermission().wire(), remote, Ensure.absent(share.getEnsure()),
                policy(share.getName(), share.getSnapshotPolicy()));
    }

    private static SnapshotPolicySync.DesiredPolicy policy(String share, ShareSnapshotPolicySpec spec) {
        if (spec == null) {
            return null;
        }
        return new SnapshotPolicySync.DesiredPolicy(share, spec.getInterval(),
                spec.getKeepLast() == null ? 0 : spec.getKeepLast(), spec.getTtl(),
                !Boolean.FALSE.equals(spec.getEnabled()), spec.getNamePrefix(), Ensure.absent(spec.getEnsure()));
    }

    /** The keys dfs's s3 block store reads; the endpoint from the Secret wins over spec.s3.endpoint. */
    static Map<String, Object> s3Config(S3Spec s3, S3Credentials credentials) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bucket", s3.getBucket());
        config.put("region", s3.getRegion());
        String endpoint = credentials.endpoint() != null ? credentials.endpoint() : s3.getEndpoint();
        if (endpoint != null) {
            config.put("endpoint", endpoint);
            // An explicitly configured endpoint (MinIO in the cluster) usually has a private address, which dfs
            // refuses unless told that it is intended.
            config.put("allow_private_endpoint", true);
        }
        config.put("force_path_style", Boolean.TRUE.equals(s3.getForcePathStyle()));
        config.put("access_key_id", credentials.accessKeyId());
        config.put("secret_access_key", credentials.secretAccessKey());
        return config;
    }
}
