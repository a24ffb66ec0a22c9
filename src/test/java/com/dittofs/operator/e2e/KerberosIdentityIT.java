package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
import com.dittofs.operator.api.v1alpha1.LdapSpec;
import com.dittofs.operator.certificates.X509;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Ports;
import com.dittofs.operator.testing.FreePorts;
import com.dittofs.operator.testing.Proc;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Kerberos login over SMB whose Unix identity comes from LDAP, against a real MIT KDC and a real OpenLDAP slapd
 * (both started here as plain processes on loopback; dfs reaches the directory over StartTLS and verifies it with a CA
 * from a Secret) and the real dfs: the keytab and krb5.conf reach the pod from
 * Secrets, alice (no dfs account) logs in with a ticket (smbclient --use-kerberos=required), and the file she writes is
 * owned, over NFS, by her uidNumber and gidNumber from the directory. Then the day-2 changes: an edited service
 * principal restarts dfs exactly once (the operator's restart; the pod template does not change) and tickets for the
 * new principal work while the old one's are refused; a keytab rotated in its Secret is reloaded by dfs in place
 * (no restart): new tickets work, tickets of the old key version are refused.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KerberosIdentityIT extends E2E {

    private static final String NAME = "krb-files";
    private static final Path WORK = IdentityScripts.workDir("krb");
    /** The directory over StartTLS, its certificate verified with a CA from a Secret. */
    private static final X509.Issued DIRECTORY_CA = X509.ca("directory CA", Instant.now(), Duration.ofDays(1));
    @RegisterExtension
    static final Slapd SLAPD = Slapd.withTls(WORK, "bind-pw", DIRECTORY_CA, false);
    private static String kdcPid;
    private static String host;
    private static String altHost;

    private static String script(String name, String... args) {
        return IdentityScripts.run(name, Duration.ofSeconds(90), args);
    }

    @BeforeAll
    static void kdcDirectoryAndAServerUsingThem() throws Exception {
        host = NAME + "-file." + namespace + ".svc";
        altHost = "krb-alt." + namespace + ".svc";
        admin.resource(new SecretBuilder().withNewMetadata().withName("directory-ca").endMetadata()
                .addToStringData("ca.crt", X509.pem(DIRECTORY_CA.certificate())).build()).inNamespace(namespace)
                .create();
        kdcPid = script("kdc-up.sh", WORK.resolve("kdc").toString(), Integer.toString(FreePorts.next()), host,
                "alice-pw", altHost);
        admin.resource(new SecretBuilder().withNewMetadata().withName("ldap-bind").endMetadata()
                .addToStringData("password", "bind-pw").build()).inNamespace(namespace).create();
        admin.resource(new SecretBuilder().withNewMetadata().withName("kerberos").endMetadata()
                .addToData("dfs.keytab", Base64.getEncoder().encodeToString(
                        Files.readAllBytes(WORK.resolve("kdc/dfs.keytab"))))
                .addToStringData("krb5.conf", Files.readString(WORK.resolve("kdc/krb5.conf")))
                .build()).inNamespace(namespace).create();
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        server.getMetadata().setName(NAME);
        server.getSpec().setIdentity(new IdentitySpec());
        LdapSpec ldap = new LdapSpec();
        ldap.setEnabled(true);
        ldap.setUrl("ldap://localhost:" + SLAPD.port());
        ldap.setStartTLS(true);
        ldap.setCaSecretRef(new SecretKeySelector("ca.crt", "directory-ca", null));
        ldap.setBaseDN("dc=test");
        ldap.setBindDN("cn=svc,dc=test");
        ldap.setRealm("TEST");
        ldap.setBindPasswordSecretRef(new SecretKeySelector("password", "ldap-bind", null));
        server.getSpec().getIdentity().setLdap(ldap);
        KerberosSpec kerberos = new KerberosSpec();
        kerberos.setEnabled(true);
        kerberos.setServicePrincipal("cifs/" + host + "@TEST");
        kerberos.setKeytabSecretRef(new SecretKeySelector("dfs.keytab", "kerberos", null));
        kerberos.setKrb5ConfSecretRef(new SecretKeySelector("krb5.conf", "kerberos", null));
        server.getSpec().getIdentity().setKerberos(kerberos);
        create(server);
        runDfs(NAME);
        awaitReady(NAME);
    }

    @AfterAll
    static void stopKdc() {
        IdentityScripts.kill(kdcPid);
    }

    @Test
    @Order(1)
    void aKerberosLoginOverSmbWritesAsTheDirectorysUidAndGid() throws Exception {
        String config = admin.configMaps().inNamespace(namespace).withName(NAME + "-config").get().getData()
                .get("config.yaml");
        assertThat(config).contains("keytab_path: /identity/kerberos/keytab")
                .contains("krb5_conf: /identity/krb5/krb5.conf").contains("service_principal: cifs/" + host + "@TEST");
        Map<String, String> krb = Map.of("KRB5_CONFIG", WORK.resolve("kdc/krb5.conf").toString(),
                "KRB5CCNAME", "FILE:" + WORK.resolve("alice.cc"));
        Proc.run(List.of("kinit", "alice"), krb, "alice-pw\n", Duration.ofSeconds(30)).orFail();
        Files.writeString(WORK.resolve("mine.txt"), "written by alice over SMB with a Kerberos ticket");
        // smbclient refuses Kerberos to an address or to localhost: the Service name, reached at 127.0.0.1 (-I)
        var smb = Proc.run(List.of("smbclient", "//" + host + "/export", "-I", "127.0.0.1", "-p",
                String.valueOf(Ports.SMB_CONTAINER), "--use-kerberos=required", "-m", "SMB3", "-c",
                "lcd " + WORK + "; put mine.txt mine.txt"), krb, null, Duration.ofSeconds(60));
        assertThat(smb.ok() && !smb.output().contains("NT_STATUS_")).as(smb.describe() + dfs.logs()).isTrue();
        var ls = Proc.run(List.of("nfs-ls", "nfs://127.0.0.1/export?version=3&nfsport=" + Ports.NFS_CONTAINER
                + "&mountport=" + Ports.NFS_CONTAINER), Duration.ofSeconds(60));
        assertThat(ls.out()).as(ls.describe()).containsPattern("\\s10001\\s+10001\\s+\\d+\\s+mine\\.txt");
    }

    @Test
    @Order(2)
    void anEditedPrincipalRestartsDfsOnceAndItsTicketsWork() throws Exception {
        String pod = NAME + "-0";
        String uidBefore = podUid(pod);
        String revision = admin.apps().statefulSets().inNamespace(namespace).withName(NAME).get().getStatus()
                .getUpdateRevision();
        Path cc = kinit("principal");
        assertThat(smb(altHost, cc)).as("dfs does not hold cifs/" + altHost + " yet").isFalse();
        edit(NAME, s -> s.getSpec().getIdentity().getKerberos().setServicePrincipal("cifs/" + altHost + "@TEST"));
        await().atMost(TIMEOUT).until(() -> {
            String uid = podUid(pod);
            return uid != null && !uid.equals(uidBefore)
                    && admin.pods().inNamespace(namespace).withName(pod).get().getStatus().getPodIP() != null;
        });
        String uidAfter = podUid(pod);
        dfs = Kubelet.rerun(admin, namespace, pod, dfs);
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2))
                .until(() -> smb(altHost, kinit("principal-new")));
        assertThat(smb(host, kinit("principal-old"))).as("the old principal is no longer dfs's").isFalse();
        assertThat(admin.apps().statefulSets().inNamespace(namespace).withName(NAME).get().getStatus()
                .getUpdateRevision()).as("the pod template did not change: no second restart by a roll")
                .isEqualTo(revision);
        awaitReady(NAME);
        await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(60))
                .until(() -> uidAfter.equals(podUid(pod)));
        assertThat(restartEvents()).as("dfs restarted once for the new principal").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aRotatedKeytabIsReloadedInPlaceAndOldTicketsAreRefused() throws Exception {
        String pod = NAME + "-0";
        String uidBefore = podUid(pod);
        Path old = kinit("rotation-old");
        assertThat(smb(altHost, old)).as("a ticket of the current key, now cached").isTrue();
        Path rotated = WORK.resolve("rotated.keytab");
        script("kdc-rekey.sh", WORK.resolve("kdc").toString(), rotated.toString(), "cifs/" + altHost,
                "cifs/" + host, "nfs/" + host);
        admin.secrets().inNamespace(namespace).withName("kerberos").edit(secret -> {
            secret.getData().put("dfs.keytab", Base64.getEncoder().encodeToString(readBytes(rotated)));
            return secret;
        });
        Kubelet.refreshSecretVolumes(admin, namespace, pod, dfs); // what the kubelet does within a minute
        // dfs polls the keytab's modification time every 60 s
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(5))
                .until(() -> smb(altHost, kinit("rotation-new")));
        assertThat(smb(altHost, old)).as("a ticket of the previous key version").isFalse();
        assertThat(podUid(pod)).as("no restart for a keytab").isEqualTo(uidBefore);
        assertThat(dfs.stdout()).as("dfs says so").contains("Keytab reloaded successfully");
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String podUid(String pod) {
        var current = admin.pods().inNamespace(namespace).withName(pod).get();
        return current == null || current.getMetadata().getDeletionTimestamp() != null ? null
                : current.getMetadata().getUid();
    }

    private static int restartEvents() {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> e.getMessage() != null && e.getMessage().startsWith("Restarted pod " + NAME + "-0"))
                .mapToInt(e -> e.getCount() == null ? 1 : e.getCount()).sum();
    }

    /** alice's fresh credential cache (a TGT only: service tickets are asked for, and cached, by smbclient). */
    private static Path kinit(String name) {
        Path cc = WORK.resolve(name + ".cc");
        Proc.run(List.of("kinit", "alice"), Map.of("KRB5_CONFIG", WORK.resolve("kdc/krb5.conf").toString(),
                "KRB5CCNAME", "FILE:" + cc), "alice-pw\n", Duration.ofSeconds(30)).orFail();
        return cc;
    }

    /** Whether alice, with the tickets of this cache, lists the export of dfs reached under this host name. */
    private static boolean smb(String server, Path cc) {
        var smb = Proc.run(List.of("smbclient", "//" + server + "/export", "-I", "127.0.0.1", "-p",
                String.valueOf(Ports.SMB_CONTAINER), "--use-kerberos=required", "-m", "SMB3", "-c", "ls"),
                Map.of("KRB5_CONFIG", WORK.resolve("kdc/krb5.conf").toString(), "KRB5CCNAME", "FILE:" + cc), null,
                Duration.ofSeconds(60));
        return smb.ok() && !smb.output().contains("NT_STATUS_");
    }
}
