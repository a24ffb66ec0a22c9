package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
import com.dittofs.operator.api.v1alpha1.LdapSpec;
import com.dittofs.operator.contract.DfsProcess;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Ports;
import com.dittofs.operator.testing.Proc;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Kerberos login over SMB whose Unix identity comes from LDAP, against a real MIT KDC and a real OpenLDAP slapd
 * (both started here as plain processes on loopback) and the real dfs: the keytab and krb5.conf reach the pod from
 * Secrets, alice (no dfs account) logs in with a ticket (smbclient --use-kerberos=required), and the file she writes is
 * owned, over NFS, by her uidNumber and gidNumber from the directory.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class KerberosIdentityIT extends E2E {

    private static final String NAME = "krb-files";
    private static DfsProcess dfs;
    private static Path work;
    private static String slapdPid;
    private static String kdcPid;
    private static String host;

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String script(String name, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash",
                Path.of("src/test/resources/identity/" + name).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return Proc.run(command, Map.of(), null, Duration.ofSeconds(90)).orFail().strip();
    }

    @BeforeAll
    static void kdcDirectoryAndAServerUsingThem() throws Exception {
        work = Files.createTempDirectory("krb");
        host = NAME + "-file." + namespace + ".svc";
        int ldapPort = freePort();
        slapdPid = script("slapd-up.sh", work.resolve("ldap").toString(), Integer.toString(ldapPort), "bind-pw");
        kdcPid = script("kdc-up.sh", work.resolve("kdc").toString(), Integer.toString(freePort()), host, "alice-pw");
        admin.resource(new SecretBuilder().withNewMetadata().withName("ldap-bind").endMetadata()
                .addToStringData("password", "bind-pw").build()).inNamespace(namespace).create();
        admin.resource(new SecretBuilder().withNewMetadata().withName("kerberos").endMetadata()
                .addToData("dfs.keytab", Base64.getEncoder().encodeToString(
                        Files.readAllBytes(work.resolve("kdc/dfs.keytab"))))
                .addToStringData("krb5.conf", Files.readString(work.resolve("kdc/krb5.conf")))
                .build()).inNamespace(namespace).create();
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        server.getMetadata().setName(NAME);
        server.getSpec().setIdentity(new IdentitySpec());
        LdapSpec ldap = new LdapSpec();
        ldap.setEnabled(true);
        ldap.setUrl("ldap://127.0.0.1:" + ldapPort);
        ldap.setAllowPlaintext(true);
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
        awaitPodIp(NAME + "-0");
        dfs = Kubelet.run(admin, namespace, NAME + "-0");
        awaitReady(NAME);
    }

    @AfterAll
    static void stopAll() {
        if (dfs != null) {
            dfs.close();
        }
        for (String pid : new String[] {slapdPid, kdcPid}) {
            if (pid != null) {
                Proc.run(List.of("kill", pid), Map.of(), null, Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aKerberosLoginOverSmbWritesAsTheDirectorysUidAndGid() throws Exception {
        String config = admin.configMaps().inNamespace(namespace).withName(NAME + "-config").get().getData()
                .get("config.yaml");
        assertThat(config).contains("keytab_path: /identity/kerberos/keytab")
                .contains("krb5_conf: /identity/krb5/krb5.conf").contains("service_principal: cifs/" + host + "@TEST");
        Map<String, String> krb = Map.of("KRB5_CONFIG", work.resolve("kdc/krb5.conf").toString(),
                "KRB5CCNAME", "FILE:" + work.resolve("alice.cc"));
        Proc.run(List.of("kinit", "alice"), krb, "alice-pw\n", Duration.ofSeconds(30)).orFail();
        Files.writeString(work.resolve("mine.txt"), "written by alice over SMB with a Kerberos ticket");
        // smbclient refuses Kerberos to an address or to localhost: the Service name, reached at 127.0.0.1 (-I)
        var smb = Proc.run(List.of("smbclient", "//" + host + "/export", "-I", "127.0.0.1", "-p",
                String.valueOf(Ports.SMB_CONTAINER), "--use-kerberos=required", "-m", "SMB3", "-c",
                "lcd " + work + "; put mine.txt mine.txt"), krb, null, Duration.ofSeconds(60));
        assertThat(smb.ok() && !smb.output().contains("NT_STATUS_")).as(smb.describe() + dfs.logs()).isTrue();
        var ls = Proc.run(List.of("nfs-ls", "nfs://127.0.0.1/export?version=3&nfsport=" + Ports.NFS_CONTAINER
                + "&mountport=" + Ports.NFS_CONTAINER), Duration.ofSeconds(60));
        assertThat(ls.out()).as(ls.describe()).containsPattern("\\s10001\\s+10001\\s+\\d+\\s+mine\\.txt");
    }
}
