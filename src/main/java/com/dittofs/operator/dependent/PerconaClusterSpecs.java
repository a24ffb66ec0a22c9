package com.dittofs.operator.dependent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.PerconaBackupSpec;
import com.dittofs.operator.api.v1alpha1.PerconaSpec;
import com.dittofs.operator.naming.Names;
import com.percona.pgv2.v2.PerconaPGClusterSpec;
import com.percona.pgv2.v2.perconapgclusterspec.Backups;
import com.percona.pgv2.v2.perconapgclusterspec.Instances;
import com.percona.pgv2.v2.perconapgclusterspec.Users;
import com.percona.pgv2.v2.perconapgclusterspec.backups.Pgbackrest;
import com.percona.pgv2.v2.perconapgclusterspec.backups.pgbackrest.Configuration;
import com.percona.pgv2.v2.perconapgclusterspec.backups.pgbackrest.Repos;
import com.percona.pgv2.v2.perconapgclusterspec.backups.pgbackrest.configuration.Secret;
import com.percona.pgv2.v2.perconapgclusterspec.backups.pgbackrest.repos.S3;
import com.percona.pgv2.v2.perconapgclusterspec.backups.pgbackrest.repos.Schedules;
import com.percona.pgv2.v2.perconapgclusterspec.instances.DataVolumeClaimSpec;
import com.percona.pgv2.v2.perconapgclusterspec.instances.datavolumeclaimspec.Resources;
import com.percona.pgv2.v2.perconapgclusterspec.users.Password;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The spec of a server's PerconaPGCluster, from {@code spec.percona}: pure, in the generated Percona types. (Quarkus
 * registers those for reflection as KubernetesResource implementations; the one enum among them is named here.)
 */
@RegisterForReflection(targets = Password.Type.class)
final class PerconaClusterSpecs {

    static final String REPO = "repo1";

    private PerconaClusterSpecs() {
    }

    static PerconaPGClusterSpec of(DittoServer server) {
        PerconaSpec percona = server.getSpec().getPercona();
        PerconaPGClusterSpec spec = new PerconaPGClusterSpec();
        spec.setPostgresVersion(percona.getPostgresVersion().longValue());
        spec.setInstances(List.of(instance(percona)));
        spec.setUsers(List.of(user(percona)));
        // A schema named after the user in its database: dfs creates its tables there. (PostgreSQL 15+ no longer
        // lets every user create objects in the public schema.)
        spec.setAutoCreateUserSchema(true);
        spec.setBackups(backups(server, percona.getBackup()));
        return spec;
    }

    private static Instances instance(PerconaSpec percona) {
        Resources resources = new Resources();
        resources.setRequests(Map.of("storage", new IntOrString(percona.getStorageSize())));
        DataVolumeClaimSpec claim = new DataVolumeClaimSpec();
        claim.setAccessModes(List.of("ReadWriteOnce"));
        claim.setStorageClassName(percona.getStorageClassName());
        claim.setResources(resources);
        Instances instance = new Instances();
        instance.setName(Names.PERCONA_INSTANCE_SET);
        instance.setReplicas(percona.getReplicas());
        instance.setDataVolumeClaimSpec(claim);
        return instance;
    }

    private static Users user(PerconaSpec percona) {
        Password password = new Password();
        // letters and digits only: nothing to escape wherever the password travels
        password.setType(Password.Type.ALPHANUMERIC);
        Users user = new Users();
        user.setName(Names.PERCONA_USER);
        user.setDatabases(List.of(percona.getDatabaseName()));
        user.setPassword(password);
        return user;
    }

    private static Backups backups(DittoServer server, PerconaBackupSpec backup) {
        Backups backups = new Backups();
        backups.setEnabled(backup != null && Boolean.TRUE.equals(backup.getEnabled()));
        if (!backups.getEnabled()) {
            return backups;
        }
        Secret credentials = new Secret();
        credentials.setName(backup.getCredentialsSecretRef().getName());
        Configuration configuration = new Configuration();
        configuration.setSecret(credentials);
        Pgbackrest pgbackrest = new Pgbackrest();
        pgbackrest.setConfiguration(List.of(configuration));
        pgbackrest.setGlobal(global(server, backup));
        pgbackrest.setRepos(List.of(repo(backup)));
        backups.setPgbackrest(pgbackrest);
        return backups;
    }

    private static Map<String, String> global(DittoServer server, PerconaBackupSpec backup) {
        Map<String, String> global = new TreeMap<>();
        // One bucket can serve many clusters: each gets its own path.
        global.put(REPO + "-path", "/pgbackrest/" + server.getMetadata().getNamespace() + "/"
                + Names.perconaCluster(server) + "/" + REPO);
        global.put(REPO + "-retention-full", Integer.toString(backup.getRetentionDays()));
        global.put(REPO + "-retention-full-type", "time");
        if (Boolean.TRUE.equals(backup.getForcePathStyle())) {
            global.put(REPO + "-s3-uri-style", "path");
        }
        return global;
    }

    private static Repos repo(PerconaBackupSpec backup) {
        S3 s3 = new S3();
        s3.setBucket(backup.getBucket());
        s3.setEndpoint(backup.getEndpoint() != null ? backup.getEndpoint()
                : "s3." + backup.getRegion() + ".amazonaws.com");
        s3.setRegion(backup.getRegion());
        Schedules schedules = new Schedules();
        schedules.setFull(backup.getFullSchedule());
        schedules.setIncremental(backup.getIncrementalSchedule());
        Repos repo = new Repos();
        repo.setName(REPO);
        repo.setS3(s3);
        repo.setSchedules(schedules);
        return repo;
    }
}
